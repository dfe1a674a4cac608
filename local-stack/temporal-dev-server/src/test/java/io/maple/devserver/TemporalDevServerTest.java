package io.maple.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Each fix beside its control, the unpatched server doing the same work: the control shows the
 * defect is there, so the patched run shows the fix and not a test that cannot fail.
 */
class TemporalDevServerTest {

    private static final String QUEUE = "dev-server-test";
    private static final int WORKFLOWS = 30;

    private static final IntFunction<Closeable> PATCHED = port -> TemporalDevServer.start(port, true);
    private static final IntFunction<Closeable> UNPATCHED = port -> TestServer.createPortBoundServer(port, true);

    @WorkflowInterface
    public interface Arrival {
        @WorkflowMethod
        void arrive();
    }

    /** Notes the order in which workflows got their first workflow task. */
    public static final class ArrivalImpl implements Arrival {
        private final Queue<String> order;

        ArrivalImpl(Queue<String> order) {
            this.order = order;
        }

        @Override
        public void arrive() {
            order.add(Workflow.getInfo().getWorkflowId());
        }
    }

    @Test
    void theUnpatchedServerKeepsATimeLockEventForEveryTaskForEver() throws Exception {
        assertThat(timeLockEventsAfterWorkflows(UNPATCHED)).isGreaterThanOrEqualTo(2 * WORKFLOWS);
    }

    @Test
    void theDevServerKeepsNoTimeLockEvents() throws Exception {
        assertThat(timeLockEventsAfterWorkflows(PATCHED)).isZero();
    }

    @Test
    void theUnpatchedServerServesABacklogNewestFirst() throws Exception {
        List<String> served = servedOrder(UNPATCHED);
        assertThat(served).containsExactlyInAnyOrderElementsOf(started()).isNotEqualTo(started());
    }

    @Test
    void theDevServerServesABacklogInArrivalOrder() throws Exception {
        assertThat(servedOrder(PATCHED)).isEqualTo(started());
    }

    private static int timeLockEventsAfterWorkflows(IntFunction<Closeable> start) throws Exception {
        try (ServerUnderTest temporal = new ServerUnderTest(start)) {
            List<String> served = runBacklog(temporal.client);
            assertThat(served).hasSize(WORKFLOWS);
            return TimeLockEvents.recorded(temporal.server);
        }
    }

    /** Runs the workflows to their end on an ordinary worker. */
    private static List<String> runBacklog(WorkflowClient client) {
        List<WorkflowStub> stubs = startAll(client);
        Queue<String> order = new ConcurrentLinkedQueue<>();
        WorkerFactory factory = WorkerFactory.newInstance(client);
        factory.newWorker(QUEUE).registerWorkflowImplementationFactory(Arrival.class, () -> new ArrivalImpl(order));
        factory.start();
        try {
            stubs.forEach(s -> s.getResult(Void.class));
        } finally {
            factory.shutdownNow();
        }
        return List.copyOf(order);
    }

    /** Starts every workflow, then takes their first workflow tasks straight from the server, one poll each. */
    private static List<String> servedOrder(IntFunction<Closeable> start) throws Exception {
        try (ServerUnderTest temporal = new ServerUnderTest(start)) {
            startAll(temporal.client);
            List<String> served = new ArrayList<>();
            PollWorkflowTaskQueueRequest poll = PollWorkflowTaskQueueRequest.newBuilder().setNamespace("default")
                    .setTaskQueue(TaskQueue.newBuilder().setName(QUEUE)).setIdentity("order-test").build();
            for (int i = 0; i < WORKFLOWS; i++) {
                served.add(temporal.service.blockingStub().pollWorkflowTaskQueue(poll)
                        .getWorkflowExecution().getWorkflowId());
            }
            return served;
        }
    }

    private static List<WorkflowStub> startAll(WorkflowClient client) {
        List<WorkflowStub> stubs = new ArrayList<>();
        for (String id : started()) {
            WorkflowStub stub = client.newUntypedWorkflowStub("Arrival",
                    WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id).build());
            stub.start();
            stubs.add(stub);
        }
        return stubs;
    }

    private static List<String> started() {
        return IntStream.range(0, WORKFLOWS).mapToObj(i -> "arrival-" + i).toList();
    }
}
