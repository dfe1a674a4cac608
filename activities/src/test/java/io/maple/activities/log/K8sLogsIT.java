package io.maple.activities.log;

import static io.maple.activities.launch.k8s.K8sFixtures.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maple.activities.launch.k8s.K8sClients;
import io.maple.activities.launch.k8s.K8sMockCluster;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.persistence.cluster.ClusterRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Pod logs through fabric8 against its API server mock: the pods are CRUD objects, the mock serves their logs. */
class K8sLogsIT {

    private static final String NS = "jobs";
    private static final List<String> DRIVER_LOG = IntStream.range(0, 500).mapToObj(i -> "driver line " + i).toList();

    private static K8sMockCluster k8s;
    private static K8sClients clients;
    private static K8sLogs logs;
    private static ClusterRecord cluster;

    @BeforeAll
    static void setUp() {
        k8s = K8sMockCluster.start();
        clients = new K8sClients();
        logs = new K8sLogs(clients, new LogProperties(DataSize.ofMegabytes(64)));
        cluster = new ClusterRecord(1L, "k8s-logs-it", ClusterCategory.K8S, k8s.configJson(NS), null, null, null);
    }

    @AfterAll
    static void tearDown() {
        clients.destroy();
        k8s.close();
    }

    @Test
    void theSparkDriversLogIsPagedFromTheStartAndFromTheEnd() {
        k8s.runPod(NS, "maple-301-driver", Map.of("maple-id", "301", "spark-role", "driver"), "spark-kubernetes-driver",
                String.join("\n", DRIVER_LOG) + "\n", 20);
        k8s.runPod(NS, "maple-301-exec-1", Map.of("maple-id", "301", "spark-role", "executor"),
                "spark-kubernetes-executor", "executor line\n");

        LogPage first = logs.read(execution(301, EngineCategory.SPARK, NS), cluster, LogStream.STDOUT, 0, 100);
        assertThat(first.source()).isEqualTo("k8s-pod");
        assertThat(first.lines()).isEqualTo(new LogLines(0, 500L, DRIVER_LOG.subList(0, 100)));

        LogPage later = logs.read(execution(301, EngineCategory.SPARK, NS), cluster, LogStream.STDERR, 450, 100);
        assertThat(later.lines()).isEqualTo(new LogLines(450, 500L, DRIVER_LOG.subList(450, 500)));

        LogPage past = logs.read(execution(301, EngineCategory.SPARK, NS), cluster, LogStream.STDOUT, 900, 10);
        assertThat(past.lines()).isEqualTo(new LogLines(900, 500L, List.of()));

        k8s.takeRequestPaths();
        LogPage tail = logs.read(execution(301, EngineCategory.SPARK, NS), cluster, LogStream.STDOUT, -20, 5);
        assertThat(k8s.takeRequestPaths()).as("the API server cuts the tail")
                .anyMatch(path -> path.contains("/pods/maple-301-driver/log?") && path.contains("tailLines=20")
                        && path.contains("container=spark-kubernetes-driver"));
        assertThat(tail.lines()).isEqualTo(new LogLines(-20, null, DRIVER_LOG.subList(480, 485)));

        // the download: the driver's whole log, as the API server streams it
        try (OpenedLog whole = logs.open(execution(301, EngineCategory.SPARK, NS), cluster, LogStream.STDOUT)) {
            assertThat(whole.source()).isEqualTo("k8s-pod");
            assertThat(new String(whole.content().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(String.join("\n", DRIVER_LOG) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFlinkJobManagersLogIsFoundByTheOperatorsLabels() {
        k8s.runPod(NS, "maple-302-6f7d-jm", Map.of("app", "maple-302", "component", "jobmanager"),
                "flink-main-container", "Starting StandaloneApplicationClusterEntryPoint\nJob running\n", 10);
        k8s.runPod(NS, "maple-302-taskmanager-1-1", Map.of("app", "maple-302", "component", "taskmanager"),
                "flink-main-container", "task manager line\n");

        LogPage page = logs.read(execution(302, EngineCategory.FLINK, NS), cluster, LogStream.STDOUT, -10, 100);

        assertThat(page.lines()).isEqualTo(new LogLines(0, 2L,
                List.of("Starting StandaloneApplicationClusterEntryPoint", "Job running")));
    }

    @Test
    void noPodYetOrTheLaunchStreamIsNotFound() {
        assertThatThrownBy(() -> logs.read(execution(303, EngineCategory.SPARK, NS), cluster, LogStream.STDOUT, 0, 10))
                .isInstanceOf(LogNotFoundException.class).hasMessageContaining("has no driver or JobManager pod");
        assertThatThrownBy(() -> logs.read(execution(303, EngineCategory.SPARK, NS), cluster, LogStream.LAUNCH, 0, 10))
                .isInstanceOf(LogNotFoundException.class).hasMessageContaining("no launch command");
        assertThatThrownBy(() -> logs.open(execution(303, EngineCategory.SPARK, NS), cluster, LogStream.STDOUT))
                .isInstanceOf(LogNotFoundException.class).hasMessageContaining("has no driver or JobManager pod");
    }
}
