package io.maple.persistence.queue;

import io.maple.domain.ExecutionStatus;
import java.time.Instant;

/** An execution holding a slot, and its status now (null when its row is gone). */
public record QueueHolder(long executionId, String cluster, String clusterQueue, Instant grantTime,
                          ExecutionStatus status) {
}
