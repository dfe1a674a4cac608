package io.maple.workflows.contract;

/** An execution gives back its slot, or withdraws its request if it was still waiting. */
public record SlotRelease(String cluster, String clusterQueue, long executionId, String reason) {
}
