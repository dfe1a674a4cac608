package io.maple.activities.launch;

import io.maple.workflows.contract.ClusterObservation;

/**
 * The outcome of a launch that reached the cluster.
 *
 * @param adopted true when an application from an earlier attempt was found and adopted
 * @param logTail the end of the launcher's output, kept in MySQL for diagnostics
 */
public record LaunchResult(String appId, boolean adopted, ClusterObservation observation, String logTail) {
}
