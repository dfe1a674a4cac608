package io.maple.workflows.contract;

/** An application is on the cluster: its id, whether it was adopted from an earlier attempt, and its first look. */
public record LaunchAppResult(String appId, boolean adopted, ClusterObservation observation) {
}
