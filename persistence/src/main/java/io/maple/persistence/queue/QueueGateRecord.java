package io.maple.persistence.queue;

/** One row of {@code maple_queue_gate}: a cluster queue and the limit its last change applied (null: none yet). */
public record QueueGateRecord(String cluster, String clusterQueue, Integer queueLimit) {
}
