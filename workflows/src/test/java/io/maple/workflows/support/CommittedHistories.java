package io.maple.workflows.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Replays a history committed under {@code src/test/resources/histories} against today's workflow code. */
public final class CommittedHistories {

    private CommittedHistories() {
    }

    public static void replay(String name, String workflowType, Class<?> implementation) throws Exception {
        String json = read("/histories/" + name + ".json");
        assertThat(json).contains(workflowType);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
        try {
            // a loaded 2-core host can stall the first, class-loading workflow task past the default 1 s
            // deadlock detector; that says nothing about determinism, which is what a replay checks
            Worker worker = env.newWorker("replay", WorkerOptions.newBuilder()
                    .setDefaultDeadlockDetectionTimeout(60_000).build());
            worker.registerWorkflowImplementationTypes(implementation);
            WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json), worker);
        } finally {
            env.close();
        }
    }

    private static String read(String resource) throws IOException {
        try (var in = CommittedHistories.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
