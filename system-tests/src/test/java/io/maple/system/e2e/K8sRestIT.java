package io.maple.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.maple.activities.launch.k8s.K8sFixtures;
import io.maple.activities.launch.k8s.K8sMockCluster;
import io.maple.activities.launch.k8s.MapleMarkers;
import io.maple.activities.launch.k8s.MapleResourceKind;
import io.maple.system.harness.ExecutionTable;
import io.maple.system.harness.MapleRest;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spark on Kubernetes through Maple's REST API, against fabric8's CRUD API server in this JVM: the
 * worker process creates the SparkApplication, its informer turns the status this test writes (as
 * the spark-operator would) into Maple's status, and REST's kill deletes the resource.
 */
class K8sRestIT {

    private static final String CLUSTER = EndToEnd.K8S_CLUSTER;
    private static final String NAMESPACE = "jobs";
    private static final Duration WAIT = Duration.ofMinutes(2);

    @RegisterExtension
    static final MapleStackExtension maple = new MapleStackExtension(EndToEnd.SETTINGS);

    private static K8sMockCluster k8s;

    @BeforeAll
    static void registerK8s() throws Exception {
        k8s = K8sMockCluster.start();
        var rest = maple.stack().rest();
        rest.createIfAbsent("/api/v1/admin/clusters",
                new ObjectMapper().readValue(k8s.registration(CLUSTER, NAMESPACE), Map.class));
        for (var engine : Map.of("spark", MapleStack.SPARK_VERSION, "flink", MapleStack.FLINK_VERSION).entrySet()) {
            rest.createIfAbsent("/api/v1/admin/clusters/" + CLUSTER + "/engines", Map.of("engineCategory",
                    engine.getKey(), "engineVersion", engine.getValue(),
                    "extInfo", Map.of("envs", Map.of(), "forbiddenConfs", List.of())));
        }
    }

    @AfterAll
    static void stopK8s() {
        if (k8s != null) {
            k8s.close();
        }
    }

    @Test
    void aRunningSparkApplicationKilledOverRestIsDeletedAndKilled() throws Exception {
        MapleStack stack = maple.stack();
        long id = submit(stack, "k8s-kill-1");
        GenericKubernetesResource app = awaitResource(id);
        assertThat(app.getMetadata().getName()).isEqualTo("maple-" + id);
        assertThat(app.getMetadata().getLabels()).containsEntry(MapleMarkers.ID_LABEL, Long.toString(id));
        assertThat(stack.executions().status(id)).isEqualTo("STARTING");

        operator(id, "SUBMITTED");
        operator(id, "RUNNING");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "RUNNING".equals(stack.rest().execution(id).get("status").asText()));

        var kill = stack.rest().kill(id, "system test kills a running SparkApplication");
        assertThat(kill.ok()).as("kill answered %s: %s", kill.status(), kill.raw()).isTrue();
        awaitTerminal(stack, id);
        assertThat(stack.executions().status(id)).as("final status in MySQL").isEqualTo("KILLED");
        assertThat(stack.rest().execution(id).get("status").asText()).isEqualTo("KILLED");
        assertThat(k8s.resource(MapleResourceKind.SPARK_APPLICATION, NAMESPACE, id)).as("resource deleted").isNull();
        assertThat(stack.executions().history(id)).endsWith("RUNNING", "KILLED");
    }

    @Test
    void aSparkApplicationTheOperatorCompletesEndsSucceed() throws Exception {
        MapleStack stack = maple.stack();
        long id = submit(stack, "k8s-complete-1");
        awaitResource(id);

        MapleRest.Response noPod = stack.rest().get("/api/v1/executions/" + id + "/log");
        assertThat(noPod.status()).as(noPod.raw()).isEqualTo(404);
        assertThat(noPod.body().get("detail").asText()).contains("has no driver or JobManager pod");

        operator(id, "SUBMITTED");
        operator(id, "RUNNING");
        // the operator's driver pod, with the label Maple put on the driver, and its log
        k8s.runPod(NAMESPACE, "maple-" + id + "-driver", Map.of(MapleMarkers.ID_LABEL, Long.toString(id),
                "spark-role", "driver"), "spark-kubernetes-driver", "starting\n+---+\n|1  |\n+---+\ndone\n", 3);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "RUNNING".equals(stack.executions().status(id)));
        JsonNode first = log(stack, id, "from=0&size=2");
        assertThat(first.get("lines").toString()).isEqualTo("[\"starting\",\"+---+\"]");
        assertThat(first.get("source").asText()).isEqualTo("k8s-pod");
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(first.get("complete").asBoolean()).isFalse();
        JsonNode tail = log(stack, id, "from=-3&size=2");
        assertThat(tail.get("lines").toString()).isEqualTo("[\"|1  |\",\"+---+\"]");
        operator(id, "COMPLETED");

        awaitTerminal(stack, id);
        assertThat(log(stack, id, "from=-3").get("complete").asBoolean()).isTrue();
        assertThat(stack.executions().status(id)).as("final status in MySQL").isEqualTo("SUCCEED");
        assertThat(stack.rest().execution(id).get("status").asText()).isEqualTo("SUCCEED");
        assertThat(stack.executions().history(id)).containsExactly("CREATED", "ACCEPTED", "STARTING", "RUNNING",
                "SUCCEED");
        assertThat(EndToEnd.execInfo(stack, id).path("lastClusterStatus").asText()).isNotBlank();
    }

    @Test
    void aFlinkDeploymentTheOperatorFinishesEndsSucceed() throws Exception {
        MapleStack stack = maple.stack();
        long id = stack.rest().submit(EndToEnd.submission("k8s-flink-1", CLUSTER, NAMESPACE, "flink",
                MapleStack.FLINK_VERSION, Map.of("runType", "jar", "jobConf",
                        Map.of("mainFile", "local:///opt/flink/examples/streaming/StateMachineExample.jar"))));
        GenericKubernetesResource deployment = await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> k8s.resource(MapleResourceKind.FLINK_DEPLOYMENT, NAMESPACE, id), r -> r != null);
        assertThat(deployment.getMetadata().getLabels()).containsEntry(MapleMarkers.ID_LABEL, Long.toString(id));

        k8s.operator(MapleResourceKind.FLINK_DEPLOYMENT, NAMESPACE, id, K8sFixtures.flinkStatus("RUNNING", "READY", "STABLE"));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "RUNNING".equals(stack.rest().execution(id).get("status").asText()));
        k8s.operator(MapleResourceKind.FLINK_DEPLOYMENT, NAMESPACE, id, K8sFixtures.flinkStatus("FINISHED", "READY", "STABLE"));

        awaitTerminal(stack, id);
        assertThat(stack.executions().status(id)).as("final status in MySQL").isEqualTo("SUCCEED");
        assertThat(stack.executions().history(id)).endsWith("RUNNING", "SUCCEED");
    }

    private static long submit(MapleStack stack, String uniqueId) {
        return stack.rest().submit(EndToEnd.sparkSubmission(uniqueId, CLUSTER, NAMESPACE,
                EndToEnd.sql("SELECT 1")));
    }

    private static JsonNode log(MapleStack stack, long id, String paging) {
        MapleRest.Response r = stack.rest().get("/api/v1/executions/" + id + "/log?" + paging);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static GenericKubernetesResource awaitResource(long id) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> k8s.resource(MapleResourceKind.SPARK_APPLICATION, NAMESPACE, id), r -> r != null);
    }

    private static void operator(long id, String state) {
        k8s.operator(MapleResourceKind.SPARK_APPLICATION, NAMESPACE, id, K8sFixtures.sparkStatus(state, null));
    }

    private static void awaitTerminal(MapleStack stack, long id) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> ExecutionTable.TERMINAL.contains(stack.executions().status(id)));
    }
}
