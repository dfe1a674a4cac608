package io.maple.activities.execution;

import static io.maple.activities.launch.k8s.K8sFixtures.sparkStatus;
import static io.maple.activities.support.K8sWorkflowRun.observeSignals;
import static io.maple.activities.support.K8sWorkflowRun.polledPhases;
import static io.maple.activities.support.K8sWorkflowRun.signalledPhases;
import static io.maple.domain.ExecutionStatus.ACCEPTED;
import static io.maple.domain.ExecutionStatus.CREATED;
import static io.maple.domain.ExecutionStatus.FAILED;
import static io.maple.domain.ExecutionStatus.RUNNING;
import static io.maple.domain.ExecutionStatus.STARTING;
import static io.maple.domain.ExecutionStatus.SUCCEED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.admission.AdmissionActivitiesImpl;
import io.maple.activities.admission.QueueSlotActivitiesImpl;
import io.maple.activities.config.WorkflowProperties;
import io.maple.activities.launch.k8s.K8sClients;
import io.maple.activities.launch.k8s.K8sLauncher;
import io.maple.activities.launch.k8s.K8sMockCluster;
import io.maple.activities.monitor.k8s.K8sInformerLifecycle;
import io.maple.activities.monitor.k8s.K8sMonitorProperties;
import io.maple.activities.monitor.k8s.TemporalObservationSender;
import io.maple.activities.persistence.ExecutionActivitiesImpl;
import io.maple.activities.support.ClusterWorkers;
import io.maple.activities.support.K8sWorkflowRun;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.activities.webhook.WebhookActivitiesImpl;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.workflows.contract.TaskQueues;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole Maple worker restarts in the middle of a K8s run: its Temporal workers (workflows and
 * activities) and its informers stop while the execution is RUNNING, the operator finishes the
 * job while nothing watches, and a fresh worker (new Temporal worker factory, new K8s clients,
 * new informers) brings the execution to the right status: through the informers' first listing,
 * or, where no informer watches, through the workflow's own fallback check. The test server and
 * MySQL stay up, as Temporal and the database do when a worker restarts.
 */
@DirtiesContext
@SpringBootTest(classes = WorkflowTestApp.class)
class K8sWorkerRestartIT {

    private static final String CLUSTER = "k8s-restart";
    private static final String NS = "nightly";

    static K8sMockCluster k8s;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "k8s_restart");
        // the context's own informers would keep watching across the "restart": the workers here bring theirs
        registry.add("maple.k8s.informers.enabled", () -> "false");
    }

    @BeforeAll
    static void startK8s() {
        k8s = K8sMockCluster.start();
    }

    @AfterAll
    static void stopK8s() {
        k8s.close();
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    ExecutionStore store;
    @Autowired
    ClusterMapper clusters;
    @Autowired
    ClusterWorkers clusterWorkers;
    @Autowired
    ObjectProvider<ClusterMapper> clusterProvider;
    @Autowired
    ObjectMapper json;
    @Autowired
    AdmissionActivitiesImpl admission;
    @Autowired
    QueueSlotActivitiesImpl slots;
    @Autowired
    WebhookActivitiesImpl webhooks;

    K8sWorkflowRun spark;

    @BeforeEach
    void cluster() {
        if (clusters.findClusterByName(CLUSTER) == null) {
            Instant now = Instant.now();
            clusters.insertCluster(new ClusterRecord(null, CLUSTER, ClusterCategory.K8S, k8s.configJson(NS),
                    "fabric8 CRUD mock", now, now), new GeneratedId());
        }
        // the harness's own workers are never started here: only MapleWorker runs this class's executions
        spark = new K8sWorkflowRun(harness, store, k8s.client(), CLUSTER, NS, EngineCategory.SPARK);
    }

    /**
     * What one worker process runs for this cluster: the execution workflows and their activities,
     * the cluster's activities with its own K8s clients, and (optionally) the informers.
     */
    final class MapleWorker implements AutoCloseable {
        private final WorkerFactory factory = WorkerFactory.newInstance(harness.client());
        private final K8sClients clients = new K8sClients();
        private final K8sInformerLifecycle informers;

        MapleWorker(Duration pollInterval, boolean informing) {
            WorkflowProperties settings = new WorkflowProperties(Duration.ofSeconds(1), pollInterval,
                    Duration.ofMinutes(2), false, Duration.ofMinutes(10));
            // no sticky queue: the test server never moves a task off a stopped worker's sticky queue (no
            // sticky schedule-to-start timeout, ShutdownWorker is a no-op), as a real server does; every
            // workflow task then replays from history, which is what a restarted worker does anyway
            Worker executions = factory.newWorker(TaskQueues.EXECUTIONS,
                    WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO).build());
            WorkflowHarness.registerWorkflows(executions);
            executions.registerActivitiesImplementations(
                    new ExecutionActivitiesImpl(store, clusters, json, settings, Clock.systemUTC()), admission, slots,
                    webhooks);
            factory.newWorker(TaskQueues.forCluster(CLUSTER)).registerActivitiesImplementations(
                    clusterWorkers.activities(new K8sLauncher(clients)));
            factory.start();
            informers = new K8sInformerLifecycle(clusterProvider, clients, new TemporalObservationSender(harness.client()),
                    new K8sMonitorProperties(informing, Duration.ofMinutes(5), Duration.ZERO));
            informers.start();
        }

        /** Stops like a process on SIGTERM: informers, then the Temporal workers (in-flight tasks finish). */
        @Override
        public void close() throws InterruptedException {
            informers.stop();
            factory.shutdown();
            factory.awaitTermination(20, TimeUnit.SECONDS);
            assertThat(factory.isTerminated()).as("worker stopped").isTrue();
            clients.destroy();
        }
    }

    /** Submitted and RUNNING under {@code worker}. */
    private long runningUnder(MapleWorker worker) throws InterruptedException {
        long id = spark.submit();
        spark.awaitResource(id);
        spark.awaitStatus(id, STARTING);
        spark.operator(id, sparkStatus("SUBMITTED", null));
        spark.operator(id, sparkStatus("RUNNING", null));
        spark.awaitStatus(id, RUNNING);
        return id;
    }

    @Test
    void restartedWorkerCatchesUpFromTheInformersFirstListing() throws Exception {
        long id;
        // the fallback check next asks in an hour: only the new informers can explain the catch-up
        try (MapleWorker first = new MapleWorker(Duration.ofHours(1), true)) {
            id = runningUnder(first);
            spark.awaitMonitoringBeforeAnyPoll(id);
        }
        spark.operator(id, sparkStatus("COMPLETED", null));
        assertThat(harness.status(id)).as("nobody watches").isEqualTo(RUNNING);

        try (MapleWorker second = new MapleWorker(Duration.ofHours(1), true)) {
            spark.awaitStatus(id, SUCCEED);
            assertThat(spark.result(id).status()).isEqualTo(SUCCEED);
        }

        assertThat(store.require(id).status()).isEqualTo(SUCCEED);
        assertThat(spark.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, SUCCEED);
        // the news came from the new informers' first listing, not from the (hour-long) fallback check
        List<HistoryEvent> history = spark.history(id);
        assertThat(signalledPhases(history)).endsWith("SUCCEEDED");
        assertThat(polledPhases(history)).doesNotContain("SUCCEEDED");
        assertThat(store.extInfo(id).execInfo()).contains("\"lastClusterStatus\":\"SUCCEEDED\"");
    }

    @Test
    void restartedWorkerWithoutInformersConvergesThroughTheFallbackCheck() throws Exception {
        long id;
        try (MapleWorker first = new MapleWorker(Duration.ofSeconds(1), true)) {
            id = runningUnder(first);
        }
        long signalsBefore = observeSignals(spark.history(id));
        spark.operator(id, sparkStatus("FAILED", "executor lost: OOMKilled"));

        // e.g. the namespace is no longer watched: the workflow's own check is all that is left
        try (MapleWorker second = new MapleWorker(Duration.ofSeconds(1), false)) {
            spark.awaitStatus(id, FAILED);
            assertThat(spark.result(id).status()).isEqualTo(FAILED);
        }

        assertThat(store.require(id).status()).isEqualTo(FAILED);
        assertThat(spark.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, FAILED);
        assertThat(spark.reason(id, FAILED)).contains("OOMKilled");
        List<HistoryEvent> history = spark.history(id);
        assertThat(observeSignals(history)).as("no signal after the restart").isEqualTo(signalsBefore);
        assertThat(polledPhases(history)).endsWith("FAILED");
    }
}
