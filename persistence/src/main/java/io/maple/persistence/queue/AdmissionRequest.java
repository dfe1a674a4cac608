package io.maple.persistence.queue;

/**
 * A CREATED execution enters its cluster queue: {@code limit} is the queue's, the reasons are those
 * of its ACCEPTED and (when a slot is free) STARTING history rows.
 */
public record AdmissionRequest(long executionId, String cluster, String clusterQueue, int priority, int limit,
                               String queuedReason, String grantedReason, String source) {
}
