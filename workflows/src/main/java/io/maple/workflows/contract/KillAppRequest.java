package io.maple.workflows.contract;

/** Kill every application of an execution on its cluster. */
public record KillAppRequest(long executionId, String cluster, String appId) {
}
