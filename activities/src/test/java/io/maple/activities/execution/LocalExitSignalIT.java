package io.maple.activities.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ExecutionStatus;
import io.maple.workflows.contract.WorkflowIds;
import io.temporal.api.enums.v1.EventType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 29: a LOCAL job's end reaches its workflow from the worker that launched the process, not from
 * the poll. The poll here would look again only after an hour, and the test server's time does not
 * skip (nobody waits on a workflow result), so only the exit signal can end the execution.
 */
@SpringBootTest(classes = WorkflowTestApp.class, properties = {"maple.workflow.local-poll-interval=1h",
        "maple.local.exit-signals=true"})
class LocalExitSignalIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "local_exit");
    }

    @Autowired
    WorkflowHarness harness;

    @Test
    void theLaunchingWorkerSignalsTheEndOfItsProcess() {
        harness.start();
        long id = harness.submit("exit-signal", 1, "sleep 2; echo done");
        // it runs past the launch, so the launch's own look sees it RUNNING and the poll takes over
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.status(id) == ExecutionStatus.RUNNING);

        await().atMost(Duration.ofSeconds(60)).until(() -> harness.status(id) == ExecutionStatus.SUCCEED);

        var events = harness.client().fetchHistory(WorkflowIds.forExecution(id)).getEvents();
        assertThat(events).filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
                .extracting(e -> e.getWorkflowExecutionSignaledEventAttributes().getSignalName())
                .contains("observe");
    }
}
