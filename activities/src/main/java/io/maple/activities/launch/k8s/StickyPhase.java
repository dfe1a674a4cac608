package io.maple.activities.launch.k8s;

import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;

/**
 * Merges a newly mapped observation into the previous one so that terminal phases are sticky: an
 * operator flipping a finished application back (a resubmit, a status rewrite) never moves
 * Maple's view, and a job that ran cannot later "fail to start".
 */
public final class StickyPhase {

    private StickyPhase() {
    }

    public static ClusterPhase merge(ClusterPhase previous, ClusterPhase next) {
        if (previous == null) {
            return next;
        }
        if (previous.isFinal()) {
            return previous;
        }
        if (next == ClusterPhase.START_FAILED && previous == ClusterPhase.RUNNING) {
            return ClusterPhase.FAILED;
        }
        return next;
    }

    public static ClusterObservation merge(ClusterObservation previous, ClusterObservation next) {
        if (previous == null) {
            return next;
        }
        ClusterPhase phase = merge(previous.phase(), next.phase());
        if (phase == previous.phase() && previous.phase().isFinal()) {
            return previous;
        }
        if (phase == next.phase()) {
            return next;
        }
        return new ClusterObservation(next.executionId(), next.appId(), phase, next.rawState(), next.finalStatus(),
                next.diagnostics(), next.trackingUrl(), next.memory(), next.cores(), next.detail(),
                next.observedAtMillis());
    }

    /** Same content apart from when it was seen: the informer signals only on a real change. */
    public static boolean sameContent(ClusterObservation a, ClusterObservation b) {
        return a.phase() == b.phase()
                && java.util.Objects.equals(a.appId(), b.appId())
                && java.util.Objects.equals(a.rawState(), b.rawState())
                && java.util.Objects.equals(a.finalStatus(), b.finalStatus())
                && java.util.Objects.equals(a.diagnostics(), b.diagnostics())
                && java.util.Objects.equals(a.trackingUrl(), b.trackingUrl())
                && java.util.Objects.equals(a.memory(), b.memory())
                && java.util.Objects.equals(a.cores(), b.cores())
                && java.util.Objects.equals(a.detail(), b.detail());
    }
}
