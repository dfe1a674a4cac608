package io.maple.workflows.contract;

/**
 * Tunables the workflow gets from configuration through its load activity.
 *
 * @param pollIntervalMillis   how often the fallback observe activity asks the cluster (its retry interval)
 * @param unknownGraceMillis   how long the cluster may be unobservable before the status becomes UNKNOWN
 * @param searchAttributes     whether the server has Maple's search attributes registered
 * @param notFoundFailAfterMillis how much longer an UNKNOWN execution whose cluster answers without its
 *                             application waits before it is FAILED; 0 (histories from before the field) never
 */
public record WorkflowSettings(long pollIntervalMillis, long unknownGraceMillis, boolean searchAttributes,
                               long notFoundFailAfterMillis) {
}
