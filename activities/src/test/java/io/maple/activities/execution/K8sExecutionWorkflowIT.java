package io.maple.activities.execution;

import static io.maple.activities.launch.k8s.K8sFixtures.sparkStatus;
import static io.maple.activities.support.K8sWorkflowRun.observeSignals;
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
import io.maple.activities.launch.k8s.CrdRequiredFields;
import io.maple.activities.launch.k8s.K8sFixtures;
import io.maple.activities.launch.k8s.K8sObservations;
import io.maple.activities.launch.k8s.MapleMarkers;
import io.maple.activities.launch.k8s.RenderedResources;
import io.maple.activities.monitor.k8s.K8sInformerLifecycle;
import io.maple.activities.support.K8sWorkflowRun;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.workflows.execution.StopRequest;
import io.maple.workflows.execution.StopResult;
import java.time.Instant;
import java.util.List;
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
 * wall time, so after the poll's first (immediate) look the transitions come from informer events;
 * {@code K8sFlinkExecutionWorkflowIT#transitionsArriveByInformerWithoutPolling} proves that strictly.
 */
@EnableKubernetesMockClient(crud = true, https = false)
// closed after the class: its poller/informers and test server must not keep running under later classes
@DirtiesContext
@SpringBootTest(classes = WorkflowTestApp.class)
class K8sExecutionWorkflowIT {

    private static final String CLUSTER = "k8s1";
    private static final String NS = "etl";

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

    K8sWorkflowRun spark;

    @BeforeEach
    void start() {
        RenderedResources.installCrds(client);
        Instant now = Instant.now();
        String config = K8sFixtures.cluster(client, CLUSTER, NS).config();
        harness.start(List.of(new ClusterRecord(null, CLUSTER, ClusterCategory.K8S, config, "fabric8 CRUD mock", now, now)));
        // the lifecycle re-reads maple_cluster every minute; the row was just inserted
        informers.refresh();
        spark = new K8sWorkflowRun(harness, store, client, CLUSTER, NS, EngineCategory.SPARK);
    }

    private void operator(long id, String state, String error) {
        spark.operator(id, sparkStatus(state, error));
    }

    @Test
    void submittedRunningCompletedEndsSucceed() throws Exception {
        long id = spark.submit();
        GenericKubernetesResource created = spark.awaitResource(id);
        // what the real Spark plugin rendered, labelled with the execution id
        assertThat(created.getMetadata().getLabels()).containsEntry(MapleMarkers.ID_LABEL, Long.toString(id));
        assertThat(CrdRequiredFields.check(RenderedResources.crd(RenderedResources.SPARK_CRD), "v1beta2", created))
                .isEmpty();
        spark.awaitStatus(id, STARTING);

        operator(id, "SUBMITTED", null);
        operator(id, "RUNNING", null);
        spark.awaitStatus(id, RUNNING);
        operator(id, "COMPLETED", null);
        spark.awaitStatus(id, SUCCEED);

        assertThat(spark.result(id).status()).isEqualTo(SUCCEED);
        assertThat(spark.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, SUCCEED);
        assertThat(observeSignals(spark.history(id))).isGreaterThanOrEqualTo(2);
        assertThat(store.extInfo(id).execInfo()).contains("\"lastClusterStatus\":\"SUCCEEDED\"")
                .contains("maple-driver");
    }

    @Test
    void failedBeforeRunningIsStartFailed() throws Exception {
        long id = spark.submit();
        spark.awaitResource(id);
        spark.awaitStatus(id, STARTING);

        operator(id, "SUBMITTED", null);
        operator(id, "FAILED", "driver pod failed: ImagePullBackOff");
        spark.awaitStatus(id, START_FAILED);

        assertThat(spark.result(id).status()).isEqualTo(START_FAILED);
        assertThat(spark.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, START_FAILED);
        assertThat(store.history(id).get(3).reason()).contains("ImagePullBackOff");
    }

    @Test
    void killThroughTheWorkflowDeletesTheResourceAndEndsKilled() throws Exception {
        long id = spark.submit();
        spark.awaitResource(id);
        operator(id, "RUNNING", null);
        spark.awaitStatus(id, RUNNING);

        StopResult killed = harness.workflow(id).kill(new StopRequest("stop it", "alice"));

        assertThat(killed.status()).isEqualTo(KILLED);
        assertThat(spark.resource(id)).isNull();
        assertThat(spark.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, KILLED);
        assertThat(store.history(id).get(4).reason()).isEqualTo("stop it");
        assertThat(spark.result(id).status()).isEqualTo(KILLED);
    }

    @Test
    void deletedBySomeoneElseIsFailedWithTheReason() throws Exception {
        long id = spark.submit();
        spark.awaitResource(id);
        operator(id, "RUNNING", null);
        spark.awaitStatus(id, RUNNING);

        client.genericKubernetesResources(spark.kind().context()).inNamespace(NS)
                .withName(MapleMarkers.resourceName(id)).delete();
        spark.awaitStatus(id, FAILED);

        assertThat(spark.result(id).status()).isEqualTo(FAILED);
        assertThat(spark.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, FAILED);
        assertThat(store.history(id).get(4).reason()).contains(K8sObservations.DELETED_EXTERNALLY);
    }
}
