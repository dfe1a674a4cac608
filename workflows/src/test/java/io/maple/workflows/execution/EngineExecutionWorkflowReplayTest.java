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
        // today's code: the same paths with local activities
        "execution-success", "execution-kill", "execution-start-failed", "execution-cancel-queued",
        "execution-unknown-recovered", "execution-not-found-failed", "execution-cancel-running",
        "execution-cluster-canceled",
        // a run started again from a STARTING row after Temporal forgot the first (resume-adopts-slot, YARN adoption)
        "execution-resumed-starting"})
    void replays(String name) throws Exception {
        CommittedHistories.replay(name, "EngineExecutionWorkflow", EngineExecutionWorkflowImpl.class);
    }
}
