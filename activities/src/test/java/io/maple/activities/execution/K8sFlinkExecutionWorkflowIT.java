package io.maple.activities.execution;

import static io.maple.activities.launch.k8s.K8sFixtures.flinkStatus;
import static io.maple.activities.support.K8sWorkflowRun.activities;
import static io.maple.activities.support.K8sWorkflowRun.polledPhases;
import static io.maple.activities.support.K8sWorkflowRun.signalledPhases;
import static io.maple.domain.ExecutionStatus.ACCEPTED;
import static io.maple.domain.ExecutionStatus.CANCELED;
import static io.maple.domain.ExecutionStatus.CREATED;
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
import io.maple.activities.launch.k8s.K8sLauncher;
import io.maple.activities.launch.k8s.MapleMarkers;
import io.maple.activities.launch.k8s.RenderedResources;
import io.maple.activities.monitor.k8s.K8sInformerLifecycle;
import io.maple.activities.support.ClusterWorkers;
import io.maple.activities.support.FirstLaunchReplyLost;
import io.maple.activities.support.K8sWorkflowRun;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.workflows.execution.StopRequest;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.worker.WorkerFactory;
import java.nio.charset.StandardCharsets;
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
 * FlinkDeployments through the real execution workflow: the real Flink plugin renders the
 * resource, the real {@code K8sLauncher} creates, suspends and deletes it, the real informers
 * signal {@code observe}, against fabric8's CRUD mock where the test plays the flink-operator.
 * The fallback poll interval is an hour, so every transition here comes from an informer event.
 */
@EnableKubernetesMockClient(crud = true, https = false)
@DirtiesContext
@SpringBootTest(classes = WorkflowTestApp.class)
class K8sFlinkExecutionWorkflowIT {

    private static final String CLUSTER = "k8s-flink";
    private static final String NS = "streams";
    /** Served by a worker whose first launch attempt is lost after the create (see the adoption test). */
    private static final String ADOPT_CLUSTER = "k8s-adopt";
    private static final String ADOPT_NS = "adopt";

    static KubernetesMockServer server;
    static KubernetesClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "k8s_flink_workflow");
        // nothing but an informer can explain a transition within the tests' 30 s waits
        registry.add("maple.workflow.cluster-poll-interval", () -> "1h");
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
    K8sInformerLifecycle informers;
    @Autowired
    K8sLauncher k8sLauncher;

    K8sWorkflowRun flink;

    @BeforeEach
    void start() {
        RenderedResources.installCrds(client);
        harness.start(List.of(row(CLUSTER, NS)));
        if (clusters.findClusterByName(ADOPT_CLUSTER) == null) {
            // not served by the harness: the adoption test brings its own cluster worker
            clusters.insertCluster(row(ADOPT_CLUSTER, ADOPT_NS), new GeneratedId());
        }
        // the lifecycle re-reads maple_cluster every minute; the rows were just inserted
        informers.refresh();
        flink = new K8sWorkflowRun(harness, store, client, CLUSTER, NS, EngineCategory.FLINK);
    }

    private static ClusterRecord row(String name, String namespace) {
        Instant now = Instant.now();
        return new ClusterRecord(null, name, ClusterCategory.K8S, K8sFixtures.cluster(client, name, namespace).config(),
                "fabric8 CRUD mock", now, now);
    }

    /** Launched, then the operator deploys the JobManager and runs the job. */
    private long running(K8sWorkflowRun run) throws InterruptedException {
        long id = run.submit();
        run.awaitResource(id);
        run.awaitStatus(id, STARTING);
        run.operator(id, flinkStatus(null, "DEPLOYING", "DEPLOYED"));
        run.operator(id, flinkStatus("RUNNING", "READY", "STABLE"));
        run.awaitStatus(id, RUNNING);
        return id;
    }

    @Test
    void deployedRunningFinishedEndsSucceed() throws Exception {
        long id = running(flink);
        GenericKubernetesResource created = flink.resource(id);
        // what the real Flink plugin rendered: the operator's required fields, our name and label
        assertThat(CrdRequiredFields.check(RenderedResources.crd(RenderedResources.FLINK_CRD), "v1beta1", created))
                .isEmpty();
        assertThat(created.getMetadata().getLabels()).containsEntry(MapleMarkers.ID_LABEL, Long.toString(id));
        assertThat(spec(created, "job")).containsEntry("state", "running")
                .containsEntry("jarURI", "local:///opt/flink/examples/streaming/StateMachineExample.jar");

        flink.operator(id, flinkStatus("FINISHED", "READY", "STABLE"));
        flink.awaitStatus(id, SUCCEED);

        assertThat(flink.result(id).status()).isEqualTo(SUCCEED);
        assertThat(flink.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, SUCCEED);
        assertThat(store.extInfo(id).execInfo()).contains("\"lastClusterStatus\":\"SUCCEEDED\"").contains("\"rawStatus\":\"FINISHED\"")
                .contains("\"kind\":\"FlinkDeployment\"").contains("\"jobId\":\"a1b2\"");
    }

    @Test
    void jobManagerErrorBeforeRunningIsStartFailed() throws Exception {
        long id = flink.submit();
        flink.awaitResource(id);
        flink.awaitStatus(id, STARTING);

        flink.operator(id, flinkStatus(null, "DEPLOYING", "DEPLOYED"));
        flink.operator(id, flinkStatus(null, "ERROR", "DEPLOYED", "JobManager pod ImagePullBackOff"));
        flink.awaitStatus(id, START_FAILED);

        assertThat(flink.result(id).status()).isEqualTo(START_FAILED);
        assertThat(flink.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, START_FAILED);
        assertThat(flink.reason(id, START_FAILED)).contains("ImagePullBackOff");
    }

    @Test
    void killDeletesTheDeploymentAndEndsKilled() throws Exception {
        long id = running(flink);

        assertThat(harness.workflow(id).kill(new StopRequest("stop it", "alice")).status()).isEqualTo(KILLED);

        assertThat(flink.resource(id)).isNull();
        assertThat(flink.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, KILLED);
        assertThat(flink.reason(id, KILLED)).isEqualTo("stop it");
        assertThat(activities(flink.history(id))).contains("Kill").doesNotContain("Cancel");
    }

    @Test
    void cancelSuspendsTheRunningJobAndEndsCanceled() throws Exception {
        long id = running(flink);

        assertThat(harness.workflow(id).cancel(new StopRequest("not needed today", "bob")).status())
                .isEqualTo(CANCELED);
        flink.result(id);
        harness.recordHistory(id, "execution-cancel-running");

        // suspended, not deleted: the operator stops the job and keeps the deployment
        GenericKubernetesResource suspended = flink.resource(id);
        assertThat(suspended).isNotNull();
        assertThat(spec(suspended, "job")).containsEntry("state", "suspended");
        assertThat(activities(flink.history(id))).contains("Cancel").doesNotContain("Kill");
        assertThat(flink.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, CANCELED);
        assertThat(flink.reason(id, CANCELED)).isEqualTo("not needed today");

        // the operator then reports the suspension; the ended execution does not move
        flink.operator(id, flinkStatus("FINISHED", "READY", "SUSPENDED"));
        assertThat(flink.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, CANCELED);
    }

    @Test
    void jobCancelledOnTheClusterEndsCanceled() throws Exception {
        long id = running(flink);

        // someone cancelled the job in Flink's own UI: the operator reports jobStatus CANCELED
        flink.operator(id, flinkStatus("CANCELED", "READY", "STABLE"));
        flink.awaitStatus(id, CANCELED);

        assertThat(flink.result(id).status()).isEqualTo(CANCELED);
        harness.recordHistory(id, "execution-cluster-canceled");
        assertThat(flink.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, CANCELED);
        assertThat(flink.resource(id)).isNotNull();
    }

    /**
     * The informer alone moves the execution: the fallback poll is due only in an hour (its first
     * attempt comes a poll interval into the monitoring), yet RUNNING and SUCCEED arrive within
     * seconds, as observe signals, and no poll ever starts.
     */
    @Test
    void transitionsArriveByInformerWithoutPolling() throws Exception {
        long id = flink.submit();
        flink.awaitResource(id);
        flink.awaitMonitoringBeforeAnyPoll(id);

        flink.operator(id, flinkStatus("RUNNING", "READY", "STABLE"));
        flink.awaitStatus(id, RUNNING);
        flink.operator(id, flinkStatus("FINISHED", "READY", "STABLE"));
        flink.awaitStatus(id, SUCCEED);
        flink.result(id);

        List<HistoryEvent> history = flink.history(id);
        assertThat(flink.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, SUCCEED);
        // the informer's news came before the fallback poll's first attempt was due: it never started
        assertThat(activities(history)).doesNotContain("AwaitChange");
        assertThat(signalledPhases(history)).contains("RUNNING", "SUCCEEDED");
        assertThat(polledPhases(history)).isEmpty();
    }

    /**
     * A launch attempt creates the deployment and is lost before it reports (the worker's reply
     * times out); the workflow's retry meets 409 AlreadyExists, finds the label is this execution's
     * and adopts it: one deployment, one workflow launch, two activity attempts.
     */
    @Test
    void launchRetriedAfterALostReplyAdoptsTheDeployment() throws Exception {
        FirstLaunchReplyLost lossy = new FirstLaunchReplyLost(k8sLauncher);
        WorkerFactory worker = clusterWorkers.start(ADOPT_CLUSTER, lossy);
        try {
            K8sWorkflowRun adopt = new K8sWorkflowRun(harness, store, client, ADOPT_CLUSTER, ADOPT_NS,
                    EngineCategory.FLINK);
            long id = running(adopt);
            adopt.operator(id, flinkStatus("FINISHED", "READY", "STABLE"));
            adopt.awaitStatus(id, SUCCEED);
            adopt.result(id);

            assertThat(lossy.launches()).isEqualTo(2);
            assertThat(adopt.resourcesLabelled(id)).hasSize(1);
            assertThat(harness.workflow(id).state().launchAttempts()).isEqualTo(1);
            List<HistoryEvent> history = adopt.history(id);
            assertThat(launchAttempt(history)).isEqualTo(2);
            assertThat(completedResults(history)).anyMatch(r -> r.contains("\"adopted\":true"));
            assertThat(adopt.path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, SUCCEED);
        } finally {
            worker.shutdownNow();
        }
    }

    private static List<String> completedResults(List<HistoryEvent> history) {
        return history.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
                .flatMap(e -> e.getActivityTaskCompletedEventAttributes().getResult().getPayloadsList().stream())
                .map(p -> p.getData().toString(StandardCharsets.UTF_8))
                .toList();
    }

    /** The attempt that completed the Launch activity. */
    private static int launchAttempt(List<HistoryEvent> history) {
        long launch = history.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .filter(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("Launch"))
                .findFirst().orElseThrow().getEventId();
        return history.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
                .filter(e -> e.getActivityTaskStartedEventAttributes().getScheduledEventId() == launch)
                .findFirst().orElseThrow().getActivityTaskStartedEventAttributes().getAttempt();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource r, String key) {
        return (Map<String, Object>) ((Map<String, Object>) r.getAdditionalProperties().get("spec")).get(key);
    }
}
