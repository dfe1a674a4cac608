package io.maple.activities.execution;

import static io.maple.domain.ExecutionStatus.ACCEPTED;
import static io.maple.domain.ExecutionStatus.CREATED;
import static io.maple.domain.ExecutionStatus.RUNNING;
import static io.maple.domain.ExecutionStatus.STARTING;
import static io.maple.domain.ExecutionStatus.SUCCEED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.launch.yarn.MiniYarn;
import io.maple.activities.launch.yarn.SparkOnYarnSetup;
import io.maple.activities.launch.yarn.YarnApp;
import io.maple.activities.launch.yarn.YarnClientApplicationsSource;
import io.maple.activities.launch.yarn.YarnClients;
import io.maple.activities.launch.yarn.YarnLauncher;
import io.maple.activities.launch.yarn.YarnTags;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real Spark 3.5.5 job in YARN cluster mode on the in-process MiniYARN, through the real
 * workflow: the Spark plugin renders the launch script from the cluster engine and its default
 * conf ({@link SparkOnYarnSetup}), the real {@code YarnLauncher} runs spark-submit, the driver runs
 * in the YARN AM container, the batched poller follows the app, and MySQL ends SUCCEED with the
 * seed's YARN exec_info.
 */
@ExtendWith(MiniYarn.class)
@DirtiesContext
@SpringBootTest(classes = WorkflowTestApp.class, properties = {
        "maple.yarn.poll-interval=300ms",
        // spark-submit takes seconds before the app exists: the poller must not give up on it meanwhile
        "maple.yarn.not-found-grace=60s",
        "maple.yarn.kill-confirm-timeout=30s"})
class SparkOnYarnIT {

    private static final String CLUSTER = "spark-yarn";
    // a Spark job takes 15-20 s on an idle 2-core machine; shared CI hosts under heavy load need far more
    private static final Duration WAIT = Duration.ofMinutes(6);

    private static Path stagingDir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        WorkflowTestApp.register(registry, "spark_yarn");
        String workDir = Files.createTempDirectory("maple-spark-yarn").toString();
        registry.add("maple.yarn.work-dir", () -> workDir);
        stagingDir = Files.createTempDirectory("maple-spark-staging");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    ExecutionStore store;
    @Autowired
    ClusterMapper clusters;
    @Autowired
    YarnClients yarn;
    @Autowired
    YarnLauncher launcher;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void start() {
        TestDatabase.startExecutionIdsAt(dataSource, 600_000L);
        SparkOnYarnSetup setup = SparkOnYarnSetup.forMiniYarn(stagingDir);
        harness.start(List.of(setup.register(clusters, CLUSTER)));
    }

    @Test
    void aSparkSqlJobRunsInClusterModeOnYarnAndEndsSucceed() throws Exception {
        // what a REST caller submits as `job`; resources and cluster facts come from the default conf
        long id = harness.create(CLUSTER, "default", 1, Map.of("runType", "sql", "jobConf", Map.of("sql",
                "CREATE TEMPORARY VIEW t AS SELECT id FROM range(100000); SELECT sum(id) FROM t")), null);
        harness.startWorkflow(id);
        harness.awaitStatus(id, SUCCEED, WAIT);

        assertThat(store.history(id).stream().map(StatusHistoryRecord::toStatus).toList())
                .containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, SUCCEED);
        List<YarnApp> apps = new YarnClientApplicationsSource(yarn, clusters.findClusterByName(CLUSTER))
                .applicationsTagged(Set.of(YarnTags.forExecution(id)));
        assertThat(apps).singleElement().satisfies(app -> {
            assertThat(app.state()).hasToString("FINISHED");
            assertThat(app.finalStatus()).hasToString("SUCCEEDED");
        });
        String appId = apps.get(0).appId();

        String script = Files.readString(launcher.workDirOf(id).resolve("launch.sh"));
        assertThat(script).contains("--master yarn", "--deploy-mode cluster", "spark.yarn.tags=maple-id=" + id,
                "spark.yarn.jars=local:");
        assertThat(Files.readString(launcher.workDirOf(id).resolve("launch.log"))).contains(appId);

        JsonNode execInfo = new ObjectMapper().readTree(store.extInfo(id).execInfo());
        assertThat(execInfo.path("lastStatus").asText()).isEqualTo(SUCCEED.name());
        assertThat(execInfo.path("lastClusterStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(execInfo.path("rawStatus").asText()).startsWith("FINISHED");
        JsonNode cluster = execInfo.path("clusterInfo");
        assertThat(cluster.path("statuses").findValuesAsText("status"))
                .containsSubsequence("PENDING", "RUNNING", "SUCCEEDED").doesNotHaveDuplicates();
        JsonNode detail = cluster.path("detail");
        assertThat(detail.path("appId").asText()).isEqualTo(appId);
        assertThat(detail.path("applicationType").asText()).isEqualTo("SPARK");
        assertThat(detail.path("trackingUrl").asText()).startsWith("http").contains(appId);
        assertThat(detail.path("finalStatus").asText()).isEqualTo("SUCCEEDED");
        // seen while the driver (AM) and its executor held containers
        assertThat(cluster.path("resources").path("memory").asText()).matches("[1-9][0-9]*MB");
        assertThat(cluster.path("resources").path("cores").asInt()).isPositive();
        assertThat(execInfo.path("startInfo").path("statuses").findValuesAsText("status"))
                .contains(ExecutionStatus.STARTING.name());
        assertThat(store.require(id).endTime()).isNotNull();
    }
}
