package io.maple.workflows.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        "execution-cluster-canceled"})
    void replays(String name) throws Exception {
        String json = read("/histories/" + name + ".json");
        assertThat(json).contains("EngineExecutionWorkflow");
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        try {
            // a loaded 2-core host can stall the first, class-loading workflow task past the default 1 s
            // deadlock detector; that says nothing about determinism, which is what this test checks
            Worker worker = env.newWorker("replay", WorkerOptions.newBuilder()
                    .setDefaultDeadlockDetectionTimeout(60_000).build());
            worker.registerWorkflowImplementationTypes(EngineExecutionWorkflowImpl.class);
            WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json), worker);
        } finally {
            env.close();
        }
    }

    private static String read(String resource) throws IOException {
        try (var in = EngineExecutionWorkflowReplayTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
