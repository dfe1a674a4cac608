package io.maple.persistence.execution;

import io.maple.domain.ExecutionStatus;
import java.time.Instant;

/**
 * How many executions of one cluster queue are in one active status at one priority, and the
 * oldest last change among them (for ACCEPTED ones: since when the longest-waiting one waits).
 */
public record QueueCount(String cluster, String clusterQueue, ExecutionStatus status, int priority, long count,
                         Instant oldestSince) {
}
