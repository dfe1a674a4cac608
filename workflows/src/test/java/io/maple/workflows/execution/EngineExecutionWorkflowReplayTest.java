package io.maple.workflows.execution;

import io.maple.workflows.support.CommittedHistories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays committed histories (recorded by the activities module's ITs with
 * {@code -Dmaple.record.histories=true}) against today's workflow code: a non-deterministic
 * change fails here. Any change to workflow logic must keep these passing (Workflow.getVersion).
 */
class EngineExecutionWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // recorded before local-bookkeeping: load, status writes and the queue's request/release as activities
        "before-local-bookkeeping/execution-success", "before-local-bookkeeping/execution-kill",
        "before-local-bookkeeping/execution-start-failed", "before-local-bookkeeping/execution-cancel-queued",
        "before-local-bookkeeping/execution-unknown-recovered", "before-local-bookkeeping/execution-not-found-failed",
        // a cancel of a running job before cancel-is-not-kill (it ran Kill), and after (Cancel: Flink suspends)
        "before-local-bookkeeping/execution-cancel-running-killed", "before-local-bookkeeping/execution-cancel-running",
        "before-local-bookkeeping/execution-cluster-canceled",
        // local activities, before table-admission: the slot from the queue's admission workflow
        "before-table-admission/execution-success", "before-table-admission/execution-kill",
        "before-table-admission/execution-start-failed", "before-table-admission/execution-cancel-queued",
        "before-table-admission/execution-unknown-recovered", "before-table-admission/execution-not-found-failed",
        "before-table-admission/execution-cancel-running", "before-table-admission/execution-cluster-canceled",
        // a run started again from a STARTING row after Temporal forgot the first (resume-adopts-slot, YARN adoption)
        "before-table-admission/execution-resumed-starting",
        // queue tables before one-step-admission: ACCEPTED, the slot and STARTING in three local activities
        "before-one-step-admission/execution-success", "before-one-step-admission/execution-kill",
        "before-one-step-admission/execution-start-failed", "before-one-step-admission/execution-cancel-queued",
        "before-one-step-admission/execution-unknown-recovered", "before-one-step-admission/execution-queued-granted",
        // one-step-admission: one local activity accepts, queues and (with a free slot) starts
        "before-one-step-end/execution-success", "before-one-step-end/execution-kill",
        "before-one-step-end/execution-start-failed", "before-one-step-end/execution-cancel-queued",
        "before-one-step-end/execution-unknown-recovered", "before-one-step-end/execution-queued-granted",
        // one-step-end: and the status that ends it gives the slot back in the same local activity
        "before-deferred-poll/execution-success", "before-deferred-poll/execution-kill",
        "before-deferred-poll/execution-start-failed", "before-deferred-poll/execution-cancel-queued",
        "before-deferred-poll/execution-unknown-recovered", "before-deferred-poll/execution-queued-granted",
        // today's code: the fallback poll starts a poll interval into the monitoring (deferred-poll)
        "execution-success", "execution-kill", "execution-start-failed", "execution-cancel-queued",
        "execution-unknown-recovered",
        // queued behind others: granted by another's release, told by signal
        "execution-queued-granted"})
    void replays(String name) throws Exception {
        CommittedHistories.replay(name, "EngineExecutionWorkflow", EngineExecutionWorkflowImpl.class);
    }
}
