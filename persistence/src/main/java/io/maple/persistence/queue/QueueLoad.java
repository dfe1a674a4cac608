package io.maple.persistence.queue;

import java.time.Instant;

/**
 * How many entries of one cluster queue are in one state at one priority, and the oldest entry
 * time among them (for waiters: since when the longest-waiting one waits).
 */
public record QueueLoad(String cluster, String clusterQueue, SlotState state, int priority, long count,
                        Instant oldestEnter) {
}
