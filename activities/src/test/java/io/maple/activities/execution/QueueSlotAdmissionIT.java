package io.maple.activities.execution;

import static io.maple.domain.ExecutionStatus.ACCEPTED;
import static io.maple.domain.ExecutionStatus.CANCELED;
import static io.maple.domain.ExecutionStatus.CREATED;
import static io.maple.domain.ExecutionStatus.FAILED;
import static io.maple.domain.ExecutionStatus.KILLED;
import static io.maple.domain.ExecutionStatus.RUNNING;
import static io.maple.domain.ExecutionStatus.STARTING;
import static io.maple.domain.ExecutionStatus.START_FAILED;
import static io.maple.domain.ExecutionStatus.SUCCEED;
import static org.assertj.core.api.Assertions.assertThat;

import io.maple.activities.admission.AdmissionActivitiesImpl;
import io.maple.activities.admission.QueueSlotActivitiesImpl;
import io.maple.activities.launch.ClusterActivitiesImpl;
import io.maple.activities.persistence.ExecutionActivitiesImpl;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.webhook.WebhookActivitiesImpl;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import io.maple.persistence.queue.QueueSlots;
import io.maple.workflows.execution.ExecutionOutcome;
import io.maple.workflows.execution.StopRequest;
import io.maple.workflows.contract.TaskQueues;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Admission on the queue tables (version table-admission) with real processes: launch order is
 * priority, then submission; every terminal path gives its slot back. (The worker's sweep, which
 * signals a lost grant again and frees a vanished holder's slot, is tested in the worker module.)
 */
@SpringBootTest(classes = WorkflowTestApp.class)
class QueueSlotAdmissionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "slots");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    QueueSlots slots;
    @Autowired
    ExecutionStore store;
    @Autowired
    ExecutionActivitiesImpl executionActivities;
    @Autowired
    AdmissionActivitiesImpl admissionActivities;
    @Autowired
    QueueSlotActivitiesImpl slotActivities;
    @Autowired
    WebhookActivitiesImpl webhookActivities;
    @Autowired
    ClusterActivitiesImpl clusterActivities;

    @BeforeEach
    void start() {
        harness.start();
    }

    record Submitted(long id, int priority, int order, boolean fails) {
    }

    @Test
    void sixExecutionsLaunchByPriorityThenSubmissionOrderAndReleaseEverySlot() throws Exception {
        Path dir = Files.createTempDirectory("maple-prio");
        Path go = dir.resolve("go");
        Path order = dir.resolve("order.txt");
        long blocker = harness.submit("prio", 1, "while [ ! -f " + go + " ]; do sleep 0.1; done");
        harness.awaitStatus(blocker, RUNNING, WAIT);

        int[] priorities = {3, 1, 2, 1, 3, 2};
        List<Submitted> submitted = new ArrayList<>();
        for (int i = 0; i < priorities.length; i++) {
            boolean fails = i == 4;
            String script = "echo $(basename $PWD) >> " + order + "; sleep 0.3; exit " + (fails ? 1 : 0);
            submitted.add(new Submitted(harness.create("prio", priorities[i], script), priorities[i], i, fails));
        }
        // their workflows start in reverse: the order of arrival in the queue does not count, submission does
        for (int i = submitted.size() - 1; i >= 0; i--) {
            Submitted s = submitted.get(i);
            harness.startWorkflow(s.id());
            awaitPosition(s.id(), p -> p >= 1);
        }
        // one of them is killed while still queued: it must neither launch nor keep a place
        Submitted killed = submitted.get(2);
        assertThat(harness.workflow(killed.id()).kill(new StopRequest("not today", "t")).status()).isEqualTo(KILLED);
        assertThat(slots.position(killed.id())).isEqualTo(-1);
        assertThat(slots.line(WorkflowHarness.CLUSTER, "prio", 10)).containsExactly(submitted.get(1).id(),
                submitted.get(3).id(), submitted.get(5).id(), submitted.get(0).id(), submitted.get(4).id());

        Files.createFile(go);
        for (Submitted s : submitted) {
            assertThat(result(s.id()).status()).isEqualTo(s == killed ? KILLED : s.fails() ? FAILED : SUCCEED);
        }
        List<Long> expected = submitted.stream().filter(s -> s != killed)
                .sorted(Comparator.comparingInt(Submitted::priority).thenComparingInt(Submitted::order))
                .map(Submitted::id).toList();
        List<Long> launched = Files.readAllLines(order).stream().map(Long::parseLong).toList();
        assertThat(launched).containsExactlyElementsOf(expected);
        assertThat(path(killed.id())).containsExactly(CREATED, ACCEPTED, KILLED);
        assertThat(queueEmpty("prio")).isTrue();
        harness.recordHistory(submitted.get(0).id(), "execution-queued-granted");
    }

    @Test
    void everyTerminalPathGivesItsSlotBack() throws Exception {
        // queue "single" has limit 1: a slot kept by any of these would leave the next one waiting forever
        Path go = Files.createTempDirectory("maple-paths").resolve("go");
        long holder = harness.submit("single", 1, "while [ ! -f " + go + " ]; do sleep 0.1; done");
        harness.awaitStatus(holder, RUNNING, WAIT);
        long canceledWaiting = harness.submit("single", 1, "exit 0");
        long killedWaiting = harness.submit("single", 1, "exit 0");
        awaitPosition(killedWaiting, p -> p == 2);
        assertThat(harness.workflow(canceledWaiting).cancel(new StopRequest("no", "t")).status()).isEqualTo(CANCELED);
        assertThat(harness.workflow(killedWaiting).kill(new StopRequest("no", "t")).status()).isEqualTo(KILLED);
        Files.createFile(go);
        assertThat(result(holder).status()).isEqualTo(SUCCEED);

        assertThat(run(harness.submit("single", 1, "sleep 0.2; exit 2"))).isEqualTo(FAILED);
        long startFailed = harness.create(WorkflowHarness.CLUSTER, "single", 1,
                WorkflowHarness.conf("exit 0", "invalid", true), null);
        harness.startWorkflow(startFailed);
        assertThat(result(startFailed).status()).isEqualTo(START_FAILED);
        for (boolean cancel : new boolean[] {false, true}) {
            long running = harness.submit("single", 1, "sleep 600");
            harness.awaitStatus(running, RUNNING, WAIT);
            StopRequest stop = new StopRequest("stop", "t");
            assertThat(cancel ? harness.workflow(running).cancel(stop).status()
                    : harness.workflow(running).kill(stop).status()).isEqualTo(cancel ? CANCELED : KILLED);
        }
        assertThat(run(harness.submit("single", 1, "exit 0"))).isEqualTo(SUCCEED);
        assertThat(path(canceledWaiting)).containsExactly(CREATED, ACCEPTED, CANCELED);
        assertThat(path(killedWaiting)).containsExactly(CREATED, ACCEPTED, KILLED);
        assertThat(queueEmpty("single")).isTrue();
    }

    @Test
    void twoHundredExecutionsFromTwoWorkersNeverExceedTheLimit() throws Exception {
        // a second worker process's pollers on the same server: workflow tasks and local activities of the
        // queue's executions run on both
        WorkerFactory second = WorkerFactory.newInstance(harness.client());
        Worker executions = second.newWorker(TaskQueues.EXECUTIONS);
        WorkflowHarness.registerWorkflows(executions);
        executions.registerActivitiesImplementations(executionActivities, admissionActivities, slotActivities,
                webhookActivities);
        second.newWorker(TaskQueues.forCluster(WorkflowHarness.CLUSTER))
                .registerActivitiesImplementations(clusterActivities);
        second.start();
        int limit = 10;
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicInteger maxHolding = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (racing.get()) {
                maxHolding.accumulateAndGet(holding("race"), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        List<Long> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                ids.add(harness.create("race", 1 + i % 3, "exit 0"));
            }
            ids.parallelStream().forEach(harness::startWorkflow);
            for (long id : ids) {
                assertThat(result(id).status()).as("execution %d", id).isEqualTo(SUCCEED);
            }
        } finally {
            racing.set(false);
            sampler.join();
            second.shutdownNow();
        }
        assertThat(maxHolding.get()).isBetween(1, limit);
        // from the status history: never more than the limit between STARTING and the end
        List<long[]> launched = new ArrayList<>();
        for (long id : ids) {
            List<StatusHistoryRecord> history = store.history(id);
            launched.add(new long[] {time(history, STARTING), time(history, SUCCEED)});
        }
        assertThat(mostAtOnce(launched)).isBetween(2, limit);
        assertThat(queueEmpty("race")).isTrue();
    }

    private int holding(String queue) {
        return (int) slots.load().stream().filter(l -> l.clusterQueue().equals(queue)
                && l.state() == io.maple.persistence.queue.SlotState.HOLDING).mapToLong(l -> l.count()).sum();
    }

    private static long time(List<StatusHistoryRecord> history, ExecutionStatus status) {
        Instant at = history.stream().filter(h -> h.toStatus() == status).findFirst().orElseThrow().createTime();
        return at.toEpochMilli() * 1_000 + at.getNano() / 1_000 % 1_000;
    }

    /** The largest number of [start, end] intervals that overlap at one instant (an end frees before a start). */
    private static int mostAtOnce(List<long[]> intervals) {
        List<long[]> points = new ArrayList<>();
        for (long[] i : intervals) {
            points.add(new long[] {i[0], 1});
            points.add(new long[] {i[1], -1});
        }
        points.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        int now = 0;
        int most = 0;
        for (long[] p : points) {
            now += (int) p[1];
            most = Math.max(most, now);
        }
        return most;
    }

    private ExecutionStatus run(long id) {
        return result(id).status();
    }

    private ExecutionOutcome result(long id) {
        try {
            // bounded: a grant nobody tells would otherwise hang the build instead of failing it
            return WorkflowStub.fromTyped(harness.workflow(id)).getResult(60, TimeUnit.SECONDS, ExecutionOutcome.class);
        } catch (TimeoutException e) {
            throw new AssertionError("execution " + id + " did not end within 60 s: " + harness.status(id), e);
        }
    }

    private List<ExecutionStatus> path(long id) {
        return store.history(id).stream().map(StatusHistoryRecord::toStatus).toList();
    }

    private boolean queueEmpty(String queue) {
        return slots.load().stream().noneMatch(l -> l.cluster().equals(WorkflowHarness.CLUSTER)
                && l.clusterQueue().equals(queue));
    }

    private void awaitPosition(long id, java.util.function.LongPredicate wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!wanted.test(slots.position(id)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(slots.position(id)).matches(wanted::test, "position of " + id);
    }
}
