package io.maple.workflows.execution;

import io.maple.domain.ExecutionStatus;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.EngineReport;
import io.maple.workflows.contract.ExecutionSnapshot;

/**
 * The workflow's live state: answered by the {@code state} query and carried over continue-as-new.
 *
 * @param launchAttempts     launch activities scheduled (retries of one activity count once)
 * @param holdsSlot          the queue granted a slot that has not been released yet
 * @param unobservableSince  workflow time the cluster stopped answering, or null
 * @param statusBeforeUnknown where UNKNOWN resolves back to when nothing else is known
 * @param transitions        status changes so far (numbers webhook deliveries)
 * @param tableAdmission     the slot is kept in MySQL's queue tables (version table-admission), not by the
 *                           queue's admission workflow; false in states carried before the field
 */
public record ExecutionState(
        ExecutionSnapshot execution,
        ExecutionStatus status,
        String appId,
        int launchAttempts,
        ClusterObservation lastObservation,
        EngineReport lastReport,
        boolean sawRunning,
        boolean holdsSlot,
        Long unobservableSince,
        ExecutionStatus statusBeforeUnknown,
        int transitions,
        String stopKind,
        boolean tableAdmission) {
}
