package io.maple.workflows.contract;

/**
 * Ask the cluster about an application until its phase differs from {@code knownPhase}; the
 * activity fails with {@link ErrorTypes#NO_CHANGE} otherwise and is retried after the poll interval.
 */
public record ObserveAppRequest(long executionId, String cluster, String appId, ClusterPhase knownPhase) {
}
