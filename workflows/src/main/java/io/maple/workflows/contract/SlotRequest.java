package io.maple.workflows.contract;

/** An execution asks its cluster queue's admission workflow for a slot. Lower priority value = served first. */
public record SlotRequest(String cluster, String clusterQueue, long executionId, int priority) {
}
