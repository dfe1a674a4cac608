package io.maple.activities.launch.k8s;

import io.maple.workflows.contract.ClusterPhase;

/**
 * An operator status read as Maple's phase.
 *
 * @param rawState    the operator's own state word (e.g. SUBMISSION_FAILED, jobStatus RUNNING)
 * @param diagnostics the operator's error message, when it gives one
 */
public record MappedState(ClusterPhase phase, String rawState, String diagnostics) {
}
