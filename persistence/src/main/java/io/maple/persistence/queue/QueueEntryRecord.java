package io.maple.persistence.queue;

import java.time.Instant;

/** One row of {@code maple_queue_entry}: an execution waiting for, or holding, a slot of its cluster queue. */
public record QueueEntryRecord(long executionId, String cluster, String clusterQueue, int priority, SlotState state,
                               Instant enterTime, Instant grantTime) {
}
