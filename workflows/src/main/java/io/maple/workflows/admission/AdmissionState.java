package io.maple.workflows.admission;

import java.util.List;

/**
 * An admission workflow's state, carried over continue-as-new and shown by its query.
 *
 * @param grantOrder execution ids in the order slots were granted (kept short: the last 100)
 */
public record AdmissionState(String cluster, String clusterQueue, int limit, long nextSequence,
                             List<Waiter> waiting, List<Long> holders, List<Long> grantOrder) {

    public static AdmissionState initial(String cluster, String clusterQueue) {
        return new AdmissionState(cluster, clusterQueue, 0, 1, List.of(), List.of(), List.of());
    }

    /** A queued request: served by priority (lower value first), then by sequence. */
    public record Waiter(long executionId, int priority, long sequence) {
    }
}
