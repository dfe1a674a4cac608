package io.maple.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.activities.launch.LaunchSpecSource;
import io.maple.activities.launch.LaunchTarget;
import io.maple.activities.launch.local.LocalLauncher;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.engine.spi.LaunchSpec;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.queue.QueueSlots;
import io.maple.workflows.client.ExecutionStarter;
import io.maple.persistence.worker.WorkerMapper;
import io.maple.persistence.worker.WorkerRecord;
import io.maple.workflows.contract.TaskQueues;
import io.maple.persistence.execution.StatusHistoryRecord;
import io.maple.persistence.execution.StatusTransition;
import io.maple.workflows.contract.MapleSearchAttributes;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.ExecutionOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker app as deployed (explicit workers, in-process Temporal test server): health and
 * metrics answer, and an execution whose workflow start was lost is found by the reconciler and
 * runs to SUCCEED on the LOCAL launcher, on a cluster registered after the worker started (no
 * worker is configured for its launch queue: the worker serves it as it appears in the table).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.temporal.test-server.enabled=true",
    "maple.worker.reconcile-interval=500ms",
    "maple.worker.reconcile-age=1s",
    "maple.worker.resume-interval=500ms",
    "maple.worker.heartbeat-interval=500ms",
    "maple.admission.limits.local-resume=1",
    "maple.admission.limits.local-sweep=1",
    "maple.worker.slot-sweep.interval=500ms",
    "maple.worker.slot-sweep.reclaim-after=5s",
    "maple.worker.slot-sweep.redeliver-after=1s",
    "maple.worker.cluster-refresh=500ms",
    "maple.workflow.local-poll-interval=500ms"})
class MapleWorkerApplicationIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.register(registry, "worker");
        String dir = Files.createTempDirectory("maple-local-worker").toString();
        registry.add("maple.local.work-dir", () -> dir);
    }

    @TestConfiguration
    static class Scripts {
        /** A real source for the test: every job runs this script (the lead wires the engine plugins). */
        @Bean
        @Primary
        LaunchSpecSource launchSpecSource() {
            return (execution, cluster) -> new LaunchSpec.Script("echo ran; sleep 1; exit 0",
                    "maple-id-" + execution.id());
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ExecutionStore store;
    @Autowired
    ClusterMapper clusters;
    @Autowired
    WorkflowClient client;
    @Autowired
    LocalLauncher launcher;
    @Autowired
    MeterRegistry meters;
    @Autowired
    WorkerMapper workers;
    @Autowired
    QueueSlots slots;
    @Autowired
    ExecutionStarter starter;

    @Test
    void healthAndMetricsAnswer() {
        assertThat(http.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
        // metrics export (prometheus) is off in Spring tests; the metrics endpoint shows the registry
        assertThat(http.getForObject("/actuator/metrics", String.class)).contains("\"names\"");
    }

    @Test
    void reconcilerStartsTheWorkflowOfAnOrphanedCreatedExecution() throws Exception {
        if (clusters.findClusterByName("local") == null) {
            Instant now = Instant.now();
            clusters.insertCluster(new ClusterRecord(null, "local", ClusterCategory.LOCAL, "{}", "worker host", now,
                    now), new GeneratedId());
        }
        // inserted as the API would, but nobody starts its workflow (the API "crashed")
        ExecutionRecord draft = new ExecutionRecord(null, UUID.randomUUID().toString(), "orphan", null, "schedule",
                "local", "default", EngineCategory.SPARK, "3.5.5", 1, null, "g", "u", null, "batch", "spark-sql",
                null, null, null, null, null, null, null);
        long id = store.create(draft, "{}", null, "test").id();

        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!store.require(id).status().isTerminal() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(store.require(id).status()).isEqualTo(ExecutionStatus.SUCCEED);
        assertThat(store.history(id)).extracting(StatusHistoryRecord::toStatus).containsExactly(
                ExecutionStatus.CREATED, ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING, ExecutionStatus.RUNNING,
                ExecutionStatus.SUCCEED);
        // what the Temporal UI shows: search attributes upserted on the last transition, memo, summary. The row
        // commits inside the last activity and the workflow upserts after it returns, so wait for its end first
        var stub = client.newUntypedWorkflowStub(WorkflowIds.forExecution(id));
        assertThat(stub.getResult(60, TimeUnit.SECONDS, ExecutionOutcome.class).status())
                .isEqualTo(ExecutionStatus.SUCCEED);
        var described = stub.describe();
        assertThat(described.getTypedSearchAttributes().get(MapleSearchAttributes.STATUS)).isEqualTo("SUCCEED");
        assertThat(described.getTypedSearchAttributes().get(MapleSearchAttributes.EXECUTION_ID)).isEqualTo(id);
        assertThat(described.getTypedSearchAttributes().get(MapleSearchAttributes.QUEUE))
                .isEqualTo("local-default-schedule-g-1");
        assertThat(described.getMemo("execName", String.class)).isEqualTo("orphan");
    }

    /** What the api lists as this worker where Temporal cannot describe a task queue's pollers. */
    @Test
    void theWorkerRecordsItsHeartbeatWithTheQueuesItPolls() throws Exception {
        localCluster();
        String identity = client.getOptions().getIdentity();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        WorkerRecord row = null;
        while (System.nanoTime() < deadline) {
            row = workers.heardSince(Instant.now().minusSeconds(5)).stream()
                    .filter(w -> w.identity().equals(identity)).findFirst().orElse(null);
            if (row != null && row.taskQueueList().contains(TaskQueues.forCluster("local"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(row).as("a recent heartbeat row of %s", identity).isNotNull();
        assertThat(row.taskQueueList()).contains(TaskQueues.EXECUTIONS, TaskQueues.forCluster("local"));
        assertThat(row.startedTime()).isBefore(row.heartbeatTime());
    }

    @Test
    void executionsTemporalForgotResumeFromTheirStoredStatus() throws Exception {
        ClusterRecord local = localCluster();
        // running when Temporal forgot it: its process goes on; resumed, it is watched to its end, not launched again
        long running = store.create(draft("forgotten-running"), "{}", null, "test").id();
        store.transition(StatusTransition.to(running, ExecutionStatus.ACCEPTED, "queued", "test"));
        store.transition(StatusTransition.to(running, ExecutionStatus.STARTING, "slot granted", "test"));
        launcher.launch(new LaunchTarget(store.require(running), local,
                new LaunchSpec.Script("echo ran; sleep 4; exit 0", "maple-id-" + running), Map.of()));
        store.transition(StatusTransition.to(running, ExecutionStatus.RUNNING, "launched", "test"));
        // queued when Temporal forgot it, behind the running one on a queue of limit 1: queued again, then run
        long queued = store.create(draft("forgotten-queued"), "{}", null, "test").id();
        store.transition(StatusTransition.to(queued, ExecutionStatus.ACCEPTED, "queued", "test"));

        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!(store.require(queued).status().isTerminal() && store.require(running).status().isTerminal())
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        for (long id : List.of(queued, running)) {
            assertThat(store.require(id).status()).as("execution %d", id).isEqualTo(ExecutionStatus.SUCCEED);
            assertThat(store.history(id)).extracting(StatusHistoryRecord::toStatus).containsExactly(
                    ExecutionStatus.CREATED, ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING,
                    ExecutionStatus.RUNNING, ExecutionStatus.SUCCEED);
        }
        assertThat(Files.readAllLines(launcher.dirOf(running).resolve("stdout.log")))
                .as("the running job was adopted, not launched again").containsExactly("ran");
        // the queue's limit (1) held across the resume: the adopted job kept its slot until it ended
        assertThat(historyTime(queued, ExecutionStatus.STARTING)).as("the queued job started after the running one ended")
                .isAfterOrEqualTo(historyTime(running, ExecutionStatus.SUCCEED));
        assertThat(meters.counter("maple.resumed", "from_status", "RUNNING").count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.counter("maple.resumed", "from_status", "ACCEPTED").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theSweepFreesTheSlotOfAHolderWithoutAWorkflowAndSignalsAGrantNobodyTold() throws Exception {
        localCluster();
        // a holder whose workflow is gone (terminated: its execution ended without releasing)
        long gone = endedWithoutRelease("sweep-gone");
        long waiter = submit("sweep-waiter");
        awaitStatus(waiter, ExecutionStatus.SUCCEED);
        assertThat(slots.entryOf(gone)).isNull();
        assertThat(historyTime(waiter, ExecutionStatus.STARTING)).isAfter(historyTime(waiter, ExecutionStatus.ACCEPTED)
                .plusMillis(4_500));
        assertThat(meters.counter("maple.admission.slots.reclaimed").count()).isGreaterThanOrEqualTo(1);

        // a grant committed but never signalled (the worker died between the two): signalled again; the
        // holder is released by hand long before its reclaim-after (5 s)
        long holder = endedWithoutRelease("sweep-holder");
        long unheard = submit("sweep-unheard");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (slots.position(unheard) != 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(slots.release(holder, "local", "sweep", 1)).containsExactly(unheard);
        awaitStatus(unheard, ExecutionStatus.SUCCEED);
        assertThat(meters.counter("maple.admission.grants.redelivered").count()).isGreaterThanOrEqualTo(1);
        assertThat(slots.load()).noneMatch(l -> l.clusterQueue().equals("sweep"));
    }

    /** An execution of queue {@code sweep} that holds its slot though it ended and has no workflow. */
    private long endedWithoutRelease(String name) {
        long id = store.create(draft(name, "sweep"), "{}", null, "test").id();
        store.transition(StatusTransition.to(id, ExecutionStatus.ACCEPTED, "queued", "test"));
        slots.adopt(id, "local", "sweep", 1);
        store.transition(StatusTransition.to(id, ExecutionStatus.KILLED, "ended", "test"));
        return id;
    }

    private long submit(String name) {
        ExecutionRecord e = store.create(draft(name, "sweep"), "{}", null, "test");
        starter.start(e.id(), e.priority(), e.execName());
        return e.id();
    }

    private void awaitStatus(long id, ExecutionStatus wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (store.require(id).status() != wanted && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(store.require(id).status()).as("execution %d", id).isEqualTo(wanted);
    }

    private ClusterRecord localCluster() {
        if (clusters.findClusterByName("local") == null) {
            Instant now = Instant.now();
            clusters.insertCluster(new ClusterRecord(null, "local", ClusterCategory.LOCAL, "{}", "worker host", now,
                    now), new GeneratedId());
        }
        return clusters.findClusterByName("local");
    }

    private Instant historyTime(long id, ExecutionStatus status) {
        return store.history(id).stream().filter(h -> h.toStatus() == status).findFirst().orElseThrow().createTime();
    }

    /** On the queue {@code resume} of the local cluster, limited to one job at a time. */
    private static ExecutionRecord draft(String name) {
        return draft(name, "resume");
    }

    private static ExecutionRecord draft(String name, String queue) {
        return new ExecutionRecord(null, UUID.randomUUID().toString(), name, null, "schedule", "local", queue,
                EngineCategory.SPARK, "3.5.5", 1, null, "g", "u", null, "batch", "spark-sql", null, null, null, null,
                null, null, null);
    }
}
