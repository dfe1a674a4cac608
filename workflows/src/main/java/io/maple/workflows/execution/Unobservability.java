package io.maple.workflows.execution;

import static io.maple.domain.ExecutionStatus.UNKNOWN;

import io.maple.domain.ExecutionStatus;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import io.maple.workflows.contract.WorkflowSettings;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Since when the cluster has not shown the application (it answered NOT_FOUND or not at all), and
 * the deadlines that follow: UNKNOWN after the grace period; FAILED when, UNKNOWN, the cluster still
 * answers without the application for {@code notFoundFailAfter} more (version {@link #NOT_FOUND_FAILS}).
 */
final class Unobservability {

    /** Version 1: UNKNOWN because the cluster answers without the app ends FAILED after notFoundFailAfter. */
    static final String NOT_FOUND_FAILS = "not-found-fails";

    private final WorkflowSettings settings;
    private Long since;

    /** {@code since}: workflow time it began, carried over continue-as-new; null while observable. */
    Unobservability(WorkflowSettings settings, Long since) {
        this.settings = settings;
        this.since = since;
    }

    Long since() {
        return since;
    }

    /** An observation of {@code phase} arrived: it either ends the blind spell or starts one. */
    void observed(ClusterPhase phase) {
        if (phase != ClusterPhase.NOT_FOUND && phase != ClusterPhase.UNREACHABLE) {
            since = null;
        } else if (since == null) {
            since = Workflow.currentTimeMillis();
        }
    }

    long millisSoFar() {
        return Workflow.currentTimeMillis() - since;
    }

    /** Time left before UNKNOWN, or null when there is no deadline (observable, or UNKNOWN already). */
    Duration graceRemaining(ExecutionStatus status) {
        if (since == null || status == UNKNOWN) {
            return null;
        }
        long left = since + settings.unknownGraceMillis() - Workflow.currentTimeMillis();
        return Duration.ofMillis(Math.max(0, left));
    }

    /** While UNKNOWN with the cluster answering "no such application": time left before FAILED, else null. */
    Duration lostRemaining(ExecutionStatus status, ClusterObservation last) {
        long failAfter = settings.notFoundFailAfterMillis();
        if (status != UNKNOWN || failAfter <= 0 || since == null || last == null
                || last.phase() != ClusterPhase.NOT_FOUND) {
            return null;
        }
        // histories recorded before this rule waited in UNKNOWN without a timer: replay them unchanged
        if (Workflow.getVersion(NOT_FOUND_FAILS, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
            return null;
        }
        long left = since + settings.unknownGraceMillis() + failAfter - Workflow.currentTimeMillis();
        return Duration.ofMillis(Math.max(0, left));
    }
}
