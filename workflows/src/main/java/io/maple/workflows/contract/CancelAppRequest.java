package io.maple.workflows.contract;

/** Cancel an execution's applications on its cluster (stop them, keeping what the cluster can keep). */
public record CancelAppRequest(long executionId, String cluster, String appId) {
}
