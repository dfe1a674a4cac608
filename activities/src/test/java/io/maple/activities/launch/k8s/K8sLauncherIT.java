package io.maple.activities.launch.k8s;

import static io.maple.activities.launch.k8s.K8sFixtures.cluster;
import static io.maple.activities.launch.k8s.K8sFixtures.execution;
import static io.maple.activities.launch.k8s.K8sFixtures.flinkStatus;
import static io.maple.activities.launch.k8s.K8sFixtures.setStatus;
import static io.maple.activities.launch.k8s.K8sFixtures.sparkStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.maple.activities.launch.AppRef;
import io.maple.activities.launch.LaunchFailedException;
import io.maple.activities.launch.LaunchResult;
import io.maple.activities.launch.LaunchTarget;
import io.maple.domain.EngineCategory;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The launcher against fabric8's API server mock in CRUD mode, with the test playing the operators. */
@EnableKubernetesMockClient(crud = true, https = false)
class K8sLauncherIT {

    private static final String NS = "jobs";

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static K8sClients clients;
    private static K8sLauncher launcher;
    private static ClusterRecord cluster;

    @BeforeAll
    static void setUp() {
        RenderedResources.installCrds(client);
        clients = new K8sClients();
        launcher = new K8sLauncher(clients);
        cluster = cluster(client, "k8s-launcher-it", NS);
    }

    @AfterAll
    static void tearDown() {
        clients.destroy();
    }

    @Test
    void launchCreatesTheLabelledResourceAndARetryAdoptsIt() {
        LaunchTarget target = new LaunchTarget(execution(101, EngineCategory.SPARK, NS), cluster,
                RenderedResources.spark(101, NS));

        LaunchResult first = launcher.launch(target);
        LaunchResult retry = launcher.launch(target);

        assertThat(first.appId()).isEqualTo("maple-101");
        assertThat(first.adopted()).isFalse();
        assertThat(first.observation().phase()).isEqualTo(ClusterPhase.PENDING);
        assertThat(retry.adopted()).isTrue();
        assertThat(retry.appId()).isEqualTo("maple-101");
        assertThat(client.genericKubernetesResources(MapleResourceKind.SPARK_APPLICATION.context()).inNamespace(NS)
                .withLabel(MapleMarkers.ID_LABEL, "101").list().getItems())
                .singleElement()
                .satisfies(r -> assertThat(r.getMetadata().getName()).isEqualTo("maple-101"));
    }

    @Test
    void aResourceWithTheSameNameOfAnotherExecutionIsNotAdopted() {
        GenericKubernetesResource foreign = RenderedResources.sparkApplication(102, NS);
        foreign.getMetadata().setLabels(Map.of(MapleMarkers.ID_LABEL, "999"));
        client.genericKubernetesResources(MapleResourceKind.SPARK_APPLICATION.context()).inNamespace(NS)
                .resource(foreign).create();

        assertThatThrownBy(() -> launcher.launch(new LaunchTarget(execution(102, EngineCategory.SPARK, NS), cluster,
                RenderedResources.spark(102, NS))))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessageContaining("not labelled maple-id=102");
    }

    @Test
    void validationErrorsFromTheApiServerAreStartFailuresWithItsMessage() {
        server.expect().post().withPath("/apis/sparkoperator.k8s.io/v1beta2/namespaces/" + NS + "/sparkapplications")
                .andReturn(422, new StatusBuilder().withStatus("Failure").withCode(422).withReason("Invalid")
                        .withMessage("SparkApplication.sparkoperator.k8s.io \"maple-103\" is invalid: spec.type: "
                                + "Unsupported value: \"Jave\"")
                        .build())
                .once();

        assertThatThrownBy(() -> launcher.launch(new LaunchTarget(execution(103, EngineCategory.SPARK, NS), cluster,
                RenderedResources.spark(103, NS))))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessageContaining("(422)")
                .hasMessageContaining("spec.type: Unsupported value: \"Jave\"");
    }

    @Test
    void conflictsThrottlingAndServerErrorsAreRetryable() {
        for (int code : new int[] {409, 429, 503}) {
            server.expect().post().withPath("/apis/flink.apache.org/v1beta1/namespaces/" + NS + "/flinkdeployments")
                    .andReturn(code, new StatusBuilder().withStatus("Failure").withCode(code)
                            .withReason(code == 409 ? "Conflict" : "ServiceUnavailable").withMessage("try later").build())
                    .once();

            assertThatThrownBy(() -> launcher.launch(new LaunchTarget(execution(104, EngineCategory.FLINK, NS), cluster,
                    RenderedResources.flink(104, NS))))
                    .as("HTTP %d", code)
                    .isInstanceOf(K8sRetryableException.class)
                    .satisfies(e -> assertThat(((K8sRetryableException) e).statusCode()).isEqualTo(code));
        }
        // the retry after the outage creates it
        assertThat(launcher.launch(new LaunchTarget(execution(104, EngineCategory.FLINK, NS), cluster,
                RenderedResources.flink(104, NS))).adopted()).isFalse();
    }

    @Test
    void aSparkApplicationThatSucceeds() {
        launcher.launch(new LaunchTarget(execution(105, EngineCategory.SPARK, NS), cluster, RenderedResources.spark(105, NS)));
        AppRef ref = new AppRef(105, cluster, "maple-105", NS);

        setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 105, sparkStatus("SUBMITTED", null));
        assertThat(launcher.observe(ref).phase()).isEqualTo(ClusterPhase.PENDING);

        setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 105, sparkStatus("RUNNING", null));
        ClusterObservation running = launcher.observe(ref);
        assertThat(running.phase()).isEqualTo(ClusterPhase.RUNNING);
        assertThat(running.detail()).containsEntry("driverPod", "maple-driver").containsEntry("namespace", NS);
        assertThat(running.trackingUrl()).isEqualTo("10.0.0.7:4040");
        assertThat(running.memory()).isEqualTo("2560");

        setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 105, sparkStatus("COMPLETED", null));
        assertThat(launcher.observe(ref).phase()).isEqualTo(ClusterPhase.SUCCEEDED);
    }

    @Test
    void aSparkApplicationThatFails() {
        launcher.launch(new LaunchTarget(execution(106, EngineCategory.SPARK, NS), cluster, RenderedResources.spark(106, NS)));
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 106,
                sparkStatus("FAILED", "driver container failed with ExitCode: 1"));

        ClusterObservation failed = launcher.observe(new AppRef(106, cluster, null, null));

        assertThat(failed.phase()).isEqualTo(ClusterPhase.FAILED);
        assertThat(failed.diagnostics()).isEqualTo("driver container failed with ExitCode: 1");
        assertThat(failed.detail()).containsEntry("error", "driver container failed with ExitCode: 1");
    }

    @Test
    void aSubmissionFailureIsPendingWhileTheOperatorRetriesThenStartFailed() {
        launcher.launch(new LaunchTarget(execution(107, EngineCategory.SPARK, NS), cluster, RenderedResources.spark(107, NS)));
        AppRef ref = new AppRef(107, cluster, "maple-107", NS);
        // the rendered restart policy allows 2 submission retries: attempts 1..2 will be retried
        Map<String, Object> status = new java.util.LinkedHashMap<>(sparkStatus("SUBMISSION_FAILED", "pods \"maple-107-driver\" is forbidden"));
        status.put("submissionAttempts", 2);
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 107, status);
        assertThat(launcher.observe(ref).phase()).isEqualTo(ClusterPhase.PENDING);

        status.put("submissionAttempts", 3);
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 107, status);
        ClusterObservation gaveUp = launcher.observe(ref);
        assertThat(gaveUp.phase()).isEqualTo(ClusterPhase.START_FAILED);
        assertThat(gaveUp.diagnostics()).contains("forbidden");
    }

    @Test
    void killDeletesTheResourceMarkedAsMaples() {
        launcher.launch(new LaunchTarget(execution(108, EngineCategory.SPARK, NS), cluster, RenderedResources.spark(108, NS)));
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 108, sparkStatus("RUNNING", null));
        AppRef ref = new AppRef(108, cluster, "maple-108", NS);

        ClusterObservation killed = launcher.kill(ref);

        assertThat(killed.phase()).isEqualTo(ClusterPhase.KILLED);
        assertThat(client.genericKubernetesResources(MapleResourceKind.SPARK_APPLICATION.context()).inNamespace(NS)
                .withName("maple-108").get()).isNull();
        assertThat(launcher.observe(ref).phase()).isEqualTo(ClusterPhase.NOT_FOUND);
        // a retried kill finds nothing left to delete
        assertThat(launcher.kill(ref).phase()).isEqualTo(ClusterPhase.NOT_FOUND);
    }

    @Test
    void cancelDeletesASparkApplicationWhichHasNoSuspend() {
        launcher.launch(new LaunchTarget(execution(120, EngineCategory.SPARK, NS), cluster, RenderedResources.spark(120, NS)));
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 120, sparkStatus("RUNNING", null));
        AppRef ref = new AppRef(120, cluster, "maple-120", NS);

        ClusterObservation canceled = launcher.cancel(ref);

        assertThat(canceled.phase()).isEqualTo(ClusterPhase.CANCELED);
        assertThat(canceled.diagnostics()).isEqualTo("canceled by Maple");
        assertThat(client.genericKubernetesResources(MapleResourceKind.SPARK_APPLICATION.context()).inNamespace(NS)
                .withName("maple-120").get()).isNull();
        // a retried cancel finds nothing left
        assertThat(launcher.cancel(ref).phase()).isEqualTo(ClusterPhase.NOT_FOUND);
    }

    @Test
    void aDeleteRefusedOrFailingIsRetriedAndOneRacingAnotherIsDone() {
        launcher.launch(new LaunchTarget(execution(121, EngineCategory.SPARK, NS), cluster, RenderedResources.spark(121, NS)));
        AppRef ref = new AppRef(121, cluster, "maple-121", NS);
        String path = "/apis/sparkoperator.k8s.io/v1beta2/namespaces/" + NS + "/sparkapplications/maple-121";
        for (int code : new int[] {403, 500, 503}) {
            server.expect().delete().withPath(path)
                    .andReturn(code, new StatusBuilder().withStatus("Failure").withCode(code).withMessage("no").build())
                    .once();

            assertThatThrownBy(() -> launcher.kill(ref)).as("HTTP %d", code)
                    .isInstanceOf(K8sRetryableException.class)
                    .satisfies(e -> assertThat(((K8sRetryableException) e).statusCode()).isEqualTo(code));
            assertThat(client.genericKubernetesResources(MapleResourceKind.SPARK_APPLICATION.context()).inNamespace(NS)
                    .withName("maple-121").get()).as("still there after HTTP %d", code).isNotNull();
        }
        // another deleter got there between our list and our delete: what the kill wanted
        server.expect().delete().withPath(path)
                .andReturn(404, new StatusBuilder().withStatus("Failure").withCode(404).withReason("NotFound").build())
                .once();
        assertThat(launcher.kill(ref).phase()).isEqualTo(ClusterPhase.NOT_FOUND);
        // and the next attempt deletes it
        assertThat(launcher.kill(ref).phase()).isEqualTo(ClusterPhase.KILLED);
    }

    @Test
    void cancelSuspendsARunningFlinkJob() {
        launcher.launch(new LaunchTarget(execution(109, EngineCategory.FLINK, NS), cluster, RenderedResources.flink(109, NS)));
        setStatus(client, MapleResourceKind.FLINK_DEPLOYMENT, NS, 109, flinkStatus("RUNNING", "READY", "STABLE"));
        AppRef ref = new AppRef(109, cluster, "maple-109", NS);

        ClusterObservation cancel = launcher.cancel(ref);

        assertThat(cancel.phase()).isEqualTo(ClusterPhase.CANCELED);
        GenericKubernetesResource stored = client.genericKubernetesResources(MapleResourceKind.FLINK_DEPLOYMENT.context())
                .inNamespace(NS).withName("maple-109").get();
        assertThat(ResourceFields.string(stored, "spec", "job", "state")).isEqualTo("suspended");
        assertThat(ResourceFields.string(stored, "spec", "job", "jarURI")).isNotBlank();
        // until the operator acts the job still runs; then it reports the suspension
        assertThat(launcher.observe(ref).phase()).isEqualTo(ClusterPhase.RUNNING);
        setStatus(client, MapleResourceKind.FLINK_DEPLOYMENT, NS, 109, flinkStatus("CANCELED", "MISSING", "SUSPENDED"));
        assertThat(launcher.observe(ref).phase()).isEqualTo(ClusterPhase.CANCELED);
    }

    @Test
    void aFlinkDeploymentWhoseJobManagerNeverComesUpFailsToStart() {
        launcher.launch(new LaunchTarget(execution(110, EngineCategory.FLINK, NS), cluster, RenderedResources.flink(110, NS)));
        setStatus(client, MapleResourceKind.FLINK_DEPLOYMENT, NS, 110, Map.of("jobManagerDeploymentStatus", "ERROR",
                "lifecycleState", "DEPLOYED", "error", "ImagePullBackOff"));

        ClusterObservation observed = launcher.observe(new AppRef(110, cluster, "maple-110", NS));

        assertThat(observed.phase()).isEqualTo(ClusterPhase.START_FAILED);
        assertThat(observed.diagnostics()).isEqualTo("ImagePullBackOff");
    }

    @Test
    void anExecutionWithoutResourceIsNotFound() {
        assertThat(launcher.observe(new AppRef(111, cluster, null, NS)).phase()).isEqualTo(ClusterPhase.NOT_FOUND);
    }

    @Test
    void theClusterQueueIsTheNamespaceWhenTheSpecNamesNone() {
        var spec = RenderedResources.spark(112, null);
        launcher.launch(new LaunchTarget(execution(112, EngineCategory.SPARK, "team-a"), cluster, spec));

        assertThat(client.genericKubernetesResources(MapleResourceKind.SPARK_APPLICATION.context()).inNamespace("team-a")
                .withName("maple-112").get()).isNotNull();
        assertThat(launcher.observe(new AppRef(112, cluster, "maple-112", "team-a")).phase()).isEqualTo(ClusterPhase.PENDING);
    }

    @Test
    void aResourceOutsideTheGivenNamespaceIsFoundInTheClustersDefaultNamespace() {
        launcher.launch(new LaunchTarget(execution(113, EngineCategory.FLINK, "team-b"), cluster, RenderedResources.flink(113, NS)));

        // the caller only knows the execution's queue, "team-b"; the plugin rendered the cluster's namespace
        AppRef ref = new AppRef(113, cluster, "maple-113", "team-b");
        assertThat(launcher.observe(ref).phase()).isEqualTo(ClusterPhase.PENDING);
        assertThat(launcher.kill(ref).phase()).isEqualTo(ClusterPhase.KILLED);
        assertThat(launcher.observe(ref).phase()).isEqualTo(ClusterPhase.NOT_FOUND);
    }

    @Test
    void theReportTokenReachesTheDriverThroughASecretThatTheResourceOnlyNames() {
        for (long id : new long[] {120, 121}) {
            boolean spark = id == 120;
            Map<String, String> env = new io.maple.domain.report.ReportTokens("k8s-it-secret")
                    .environment(id, "http://maple-api.maple:8080");
            String token = env.get("MAPLE_REPORT_TOKEN");
            LaunchTarget target = new LaunchTarget(execution(id, spark ? EngineCategory.SPARK : EngineCategory.FLINK, NS),
                    cluster, spark ? RenderedResources.spark(id, NS) : RenderedResources.flink(id, NS), env);
            launcher.launch(target);
            launcher.launch(target); // a retry adopts and keeps the one Secret

            var secret = client.secrets().inNamespace(NS).withName("maple-" + id + "-report").get();
            String stored = secret.getStringData() != null && secret.getStringData().containsKey("token")
                    ? secret.getStringData().get("token")
                    : new String(java.util.Base64.getDecoder().decode(secret.getData().get("token")),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(stored).isEqualTo(token);
            assertThat(secret.getMetadata().getOwnerReferences()).singleElement()
                    .satisfies(o -> assertThat(o.getName()).isEqualTo("maple-" + id));

            MapleResourceKind kind = spark ? MapleResourceKind.SPARK_APPLICATION : MapleResourceKind.FLINK_DEPLOYMENT;
            GenericKubernetesResource created = client.genericKubernetesResources(kind.context()).inNamespace(NS)
                    .withName("maple-" + id).get();
            String asStored = client.getKubernetesSerialization().asJson(created);
            assertThat(asStored).doesNotContain(token).contains("\"secretKeyRef\"")
                    .contains("maple-" + id + "-report").contains("http://maple-api.maple:8080/api/v1/executions/" + id);
            String envPath = spark ? "/spec/driver/env" : "/spec/podTemplate/spec/containers/0/env";
            com.fasterxml.jackson.databind.JsonNode vars = new com.fasterxml.jackson.databind.ObjectMapper()
                    .valueToTree(created.getAdditionalProperties()).at(envPath);
            assertThat(vars.findValuesAsText("name")).contains("MAPLE_REPORT_TOKEN", "MAPLE_REPORT_URL",
                    "MAPLE_EXECUTION_ID");
        }
    }
}
