package io.maple.workflows.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays committed admission histories (requests, grants, a withdrawal and releases on one
 * queue, recorded by the activities module's EngineExecutionWorkflowIT) against today's code.
 */
class QueueAdmissionWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"before-steady-check/admission-queue", "admission-queue"})
    void replays(String name) throws Exception {
        String json;
        try (var in = getClass().getResourceAsStream("/histories/" + name + ".json")) {
            assertThat(in).as(name).isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).contains("QueueAdmissionWorkflow");
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        try {
            // a loaded host can stall the first, class-loading workflow task past the 1 s deadlock detector
            Worker worker = env.newWorker("replay", WorkerOptions.newBuilder()
                    .setDefaultDeadlockDetectionTimeout(60_000).build());
            worker.registerWorkflowImplementationTypes(QueueAdmissionWorkflowImpl.class);
            WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json), worker);
        } finally {
            env.close();
        }
    }
}
