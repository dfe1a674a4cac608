package io.maple.activities.execution;

import static io.maple.activities.launch.k8s.K8sFixtures.setStatus;
import static io.maple.activities.launch.k8s.K8sFixtures.sparkStatus;
import static io.maple.domain.ExecutionStatus.ACCEPTED;
import static io.maple.domain.ExecutionStatus.CREATED;
import static io.maple.domain.ExecutionStatus.FAILED;
import static io.maple.domain.ExecutionStatus.KILLED;
import static io.maple.domain.ExecutionStatus.RUNNING;
import static io.maple.domain.ExecutionStatus.STARTING;
import static io.maple.domain.ExecutionStatus.START_FAILED;
import static io.maple.domain.ExecutionStatus.SUCCEED;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.maple.activities.launch.k8s.K8sFixtures;
import io.maple.activities.launch.k8s.K8sObservations;
import io.maple.activities.launch.k8s.MapleMarkers;
import io.maple.activities.launch.k8s.MapleResourceKind;
import io.maple.activities.launch.k8s.RenderedResources;
import io.maple.activities.monitor.k8s.K8sInformerLifecycle;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ClusterCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.ExecutionOutcome;
import io.maple.workflows.execution.StopRequest;
import io.maple.workflows.execution.StopResult;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real execution workflow on Kubernetes: real activities, the real {@code K8sLauncher}
 * creating the SparkApplication the real Spark plugin renders, and the real informers
 * ({@link K8sInformerLifecycle}) signalling {@code observe}, against fabric8's CRUD mock server
 * with the CRDs created through the API. The test plays the spark-operator by writing
 * {@code .status}. The workflow's fallback poll stays at its 60 s default and the test waits in
 * wall time, so the transitions come from informer events.
 */
@EnableKubernetesMockClient(crud = true, https = false)
// closed after the class: its poller/informers and test server must not keep running under later classes
@DirtiesContext
@SpringBootTest(classes = WorkflowTestApp.class)
class K8sExecutionWorkflowIT {

    private static final String CLUSTER = "k8s1";
    private static final String NS = "etl";
    private static final Duration WAIT = Duration.ofSeconds(30);

    static KubernetesMockServer server;
    static KubernetesClient client;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "k8s_workflow");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    ExecutionStore store;
    @Autowired
    K8sInformerLifecycle informers;

    @BeforeEach
    void start() {
        RenderedResources.installCrds(client);
        Instant now = Instant.now();
        String config = K8sFixtures.cluster(client, CLUSTER, NS).config();
        harness.start(List.of(new ClusterRecord(null, CLUSTER, ClusterCategory.K8S, config, "fabric8 CRUD mock", now, now)));
        // the lifecycle re-reads maple_cluster every minute; the row was just inserted
        informers.refresh();
    }

    private long submit() {
        long id = harness.create(CLUSTER, NS, 1, Map.of("spark", "k8s"), null);
        harness.startWorkflow(id);
        return id;
    }

    private ExecutionOutcome result(long id) {
        return WorkflowStub.fromTyped(harness.workflow(id)).getResult(ExecutionOutcome.class);
    }

    private List<ExecutionStatus> path(long id) {
        return store.history(id).stream().map(StatusHistoryRecord::toStatus).toList();
    }

    private GenericKubernetesResource resource(long id) {
        return client.genericKubernetesResources(MapleResourceKind.SPARK_APPLICATION.context()).inNamespace(NS)
                .withName(MapleMarkers.resourceName(id)).get();
    }

    /** Waits for the launch activity to have created the resource (the workflow is then STARTING). */
    private GenericKubernetesResource awaitResource(long id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        GenericKubernetesResource r = resource(id);
        while (r == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = resource(id);
        }
        assertThat(r).as("SparkApplication of execution " + id).isNotNull();
        return r;
    }

    private void operator(long id, String state, String error) {
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, id, sparkStatus(state, error));
    }

    private long observeSignals(long id) {
        return harness.client().fetchHistory(WorkflowIds.forExecution(id)).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
                .filter(e -> e.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals("observe"))
                .count();
    }

    @Test
    void submittedRunningCompletedEndsSucceed() throws Exception {
        long id = submit();
        GenericKubernetesResource created = awaitResource(id);
        // what the real Spark plugin rendered, labelled with the execution id
        assertThat(created.getMetadata().getLabels()).containsEntry(MapleMarkers.ID_LABEL, Long.toString(id));
        assertThat(created.getAdditionalProperties()).containsKey("spec");
        harness.awaitStatus(id, STARTING, WAIT);

        operator(id, "SUBMITTED", null);
        operator(id, "RUNNING", null);
        harness.awaitStatus(id, RUNNING, WAIT);
        operator(id, "COMPLETED", null);
        harness.awaitStatus(id, SUCCEED, WAIT);

        assertThat(result(id).status()).isEqualTo(SUCCEED);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, SUCCEED);
        assertThat(observeSignals(id)).isGreaterThanOrEqualTo(2);
        assertThat(store.extInfo(id).execInfo()).contains("\"lastClusterStatus\":\"SUCCEEDED\"")
                .contains("maple-driver");
    }

    @Test
    void failedBeforeRunningIsStartFailed() throws Exception {
        long id = submit();
        awaitResource(id);
        harness.awaitStatus(id, STARTING, WAIT);

        operator(id, "SUBMITTED", null);
        operator(id, "FAILED", "driver pod failed: ImagePullBackOff");
        harness.awaitStatus(id, START_FAILED, WAIT);

        assertThat(result(id).status()).isEqualTo(START_FAILED);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, START_FAILED);
        assertThat(store.history(id).get(3).reason()).contains("ImagePullBackOff");
    }

    @Test
    void killThroughTheWorkflowDeletesTheResourceAndEndsKilled() throws Exception {
        long id = submit();
        awaitResource(id);
        operator(id, "RUNNING", null);
        harness.awaitStatus(id, RUNNING, WAIT);

        StopResult killed = harness.workflow(id).kill(new StopRequest("stop it", "alice"));

        assertThat(killed.status()).isEqualTo(KILLED);
        assertThat(resource(id)).isNull();
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, KILLED);
        assertThat(store.history(id).get(4).reason()).isEqualTo("stop it");
        assertThat(result(id).status()).isEqualTo(KILLED);
    }

    @Test
    void deletedBySomeoneElseIsFailedWithTheReason() throws Exception {
        long id = submit();
        awaitResource(id);
        operator(id, "RUNNING", null);
        harness.awaitStatus(id, RUNNING, WAIT);

        client.genericKubernetesResources(MapleResourceKind.SPARK_APPLICATION.context()).inNamespace(NS)
                .withName(MapleMarkers.resourceName(id)).delete();
        harness.awaitStatus(id, FAILED, WAIT);

        assertThat(result(id).status()).isEqualTo(FAILED);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, FAILED);
        assertThat(store.history(id).get(4).reason()).contains(K8sObservations.DELETED_EXTERNALLY);
    }
}
