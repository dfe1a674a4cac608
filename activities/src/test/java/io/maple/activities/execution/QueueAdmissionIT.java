package io.maple.activities.execution;

import static io.maple.domain.ExecutionStatus.ACCEPTED;
import static io.maple.domain.ExecutionStatus.FAILED;
import static io.maple.domain.ExecutionStatus.KILLED;
import static io.maple.domain.ExecutionStatus.RUNNING;
import static io.maple.domain.ExecutionStatus.SUCCEED;
import static org.assertj.core.api.Assertions.assertThat;

import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.persistence.TestDatabase;
import io.maple.workflows.admission.AdmissionState;
import io.maple.workflows.admission.QueueAdmissionWorkflow;
import io.maple.workflows.contract.SlotRelease;
import io.maple.workflows.contract.SlotRequest;
import io.maple.workflows.contract.TaskQueues;
import io.maple.workflows.execution.ExecutionOutcome;
import io.maple.workflows.execution.StopRequest;
import io.temporal.api.enums.v1.EventType;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The queue's admission workflow, which executions started before version table-admission keep
 * until they end (QueueSlotAdmissionIT covers the queue tables that replaced it for new ones).
 */
@SpringBootTest(classes = WorkflowTestApp.class)
class QueueAdmissionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "admission");
    }

    @Autowired
    WorkflowHarness harness;

    /**
     * A release can reach a run that continued-as-new before its first task has loaded the carried
     * holders: it must still free the slot, not wait for the liveness check a minute later.
     */
    @Test
    void aReleaseDeliveredWithTheStartOfACarriedRunFreesItsSlot() {
        harness.start();
        String queue = "carried";
        AdmissionState carried = new AdmissionState(WorkflowHarness.CLUSTER, queue, 2, 10, List.of(),
                List.of(-1L, -2L), List.of(-1L, -2L));
        signalWithStart(queue, carried, w -> w.release(new SlotRelease(WorkflowHarness.CLUSTER, queue, -1, "ended")));

        QueueAdmissionWorkflow admission = harness.client().newWorkflowStub(QueueAdmissionWorkflow.class,
                QueueAdmissionWorkflow.workflowId(WorkflowHarness.CLUSTER, queue));
        assertThat(admission.snapshot().holders()).containsExactly(-2L);
        harness.recordHistory(QueueAdmissionWorkflow.workflowId(WorkflowHarness.CLUSTER, queue), "admission-carried-release");
        WorkflowStub.fromTyped(admission).terminate("test over");
    }

    /**
     * A queue continues as new after about 1,000 events, well before the server's suggestion (about
     * 4,000), and its next run goes on from the same sequence.
     */
    @Test
    void aQueueContinuesAsNewEarlyAndKeepsItsSequence() throws Exception {
        harness.start();
        String queue = "long";
        String workflowId = QueueAdmissionWorkflow.workflowId(WorkflowHarness.CLUSTER, queue);
        String firstRun = null;
        int sent = 0;
        // executions that do not exist: each grant fails and frees its slot; paced (no queries, which the in-process
        // test server mixes into the continue-as-new task), as a continue-as-new waits for no grant in flight
        while (sent < 400) {
            SlotRequest request = new SlotRequest(WorkflowHarness.CLUSTER, queue, -1_000_000L - sent, 3);
            String run = signalWithStart(queue, AdmissionState.initial(WorkflowHarness.CLUSTER, queue),
                    w -> w.request(request));
            sent++;
            if (firstRun == null) {
                firstRun = run;
            } else if (!run.equals(firstRun)) {
                break;
            }
            Thread.sleep(20);
        }
        // the new run answers as soon as it exists; the old one's closing events may land a moment later
        WorkflowExecutionHistory first = harness.client().fetchHistory(workflowId, firstRun);
        long closed = System.nanoTime() + WAIT.toNanos();
        while (first.getLastEvent().getEventType() != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
                && System.nanoTime() < closed) {
            Thread.sleep(20);
            first = harness.client().fetchHistory(workflowId, firstRun);
        }
        assertThat(first.getLastEvent().getEventType()).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
        assertThat(first.getEvents()).hasSizeBetween(1_000, 1_100);
        harness.recordHistory(workflowId, firstRun, "admission-continued-early");
        QueueAdmissionWorkflow current = harness.client().newWorkflowStub(QueueAdmissionWorkflow.class, workflowId);
        // carried over; a request delivered with the new run's start takes its number after the carried ones
        assertThat(current.snapshot().nextSequence()).isBetween(sent + 1L, sent + 2L);
        WorkflowStub.fromTyped(current).terminate("test over");
    }

    /**
     * Resumed executions (issue 25) ask for a slot again all at once, in whatever order their
     * workflows' first tasks run: one priority waits in submission order (execution id), whatever
     * order the requests arrived in.
     */
    @Test
    void requestsOfOnePriorityWaitInSubmissionOrderWhateverOrderTheyArrive() {
        harness.start();
        String queue = "resumed";
        // the one slot is held (by an execution that does not exist), so every request waits; none of these exist either
        AdmissionState held = new AdmissionState(WorkflowHarness.CLUSTER, queue, 1, 1, List.of(), List.of(-1L),
                List.of(-1L));
        long[] arrival = {900_030L, 900_010L, 900_040L, 900_020L};
        int[] priorities = {2, 2, 1, 2};
        for (int i = 0; i < arrival.length; i++) {
            SlotRequest request = new SlotRequest(WorkflowHarness.CLUSTER, queue, arrival[i], priorities[i]);
            signalWithStart(queue, held, w -> w.request(request));
        }

        QueueAdmissionWorkflow admission = harness.client().newWorkflowStub(QueueAdmissionWorkflow.class,
                QueueAdmissionWorkflow.workflowId(WorkflowHarness.CLUSTER, queue));
        assertThat(admission.snapshot().waiting()).extracting(AdmissionState.Waiter::executionId)
                .containsExactly(900_040L, 900_010L, 900_020L, 900_030L);
        assertThat(admission.position(900_010L)).isEqualTo(2);
        harness.recordHistory(QueueAdmissionWorkflow.workflowId(WorkflowHarness.CLUSTER, queue),
                "admission-submission-order");
        WorkflowStub.fromTyped(admission).terminate("test over");
    }

    /**
     * Signals the queue's admission workflow, starting it with {@code state} if it is not running; its run id.
     * The in-process test server answers NOT_FOUND "Completed workflow" to a signalWithStart that meets a run
     * in the moment it continues as new: retried, as Maple's requestSlot activity is.
     */
    private String signalWithStart(String queue, AdmissionState state, Consumer<QueueAdmissionWorkflow> signal) {
        for (int attempt = 1; ; attempt++) {
            QueueAdmissionWorkflow admission = harness.client().newWorkflowStub(QueueAdmissionWorkflow.class,
                    WorkflowOptions.newBuilder().setWorkflowId(QueueAdmissionWorkflow.workflowId(
                            WorkflowHarness.CLUSTER, queue)).setTaskQueue(TaskQueues.EXECUTIONS).build());
            BatchRequest batch = harness.client().newSignalWithStartRequest();
            batch.add(admission::run, state);
            batch.add(() -> signal.accept(admission));
            try {
                return harness.client().signalWithStart(batch).getRunId();
            } catch (WorkflowServiceException e) {
                if (attempt >= 5 || !(e.getCause() instanceof StatusRuntimeException s)
                        || s.getStatus().getCode() != Status.Code.NOT_FOUND) {
                    throw e;
                }
            }
        }
    }
}
