package io.maple.system.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.maple.activities.launch.yarn.MiniYarn;
import io.maple.activities.launch.yarn.SparkOnYarnSetup;
import io.maple.activities.launch.yarn.YarnTags;
import io.maple.system.harness.ExecutionTable;
import io.maple.system.harness.MapleRest;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real Spark 3.5.5 job submitted through Maple's REST API runs in YARN cluster mode on the
 * in-process MiniYARN: the YARN cluster and its Spark engine are registered over the admin API
 * with what {@link SparkOnYarnSetup} says, the worker process renders and runs spark-submit, its
 * poller follows the app, and REST's kill reaches the ResourceManager.
 */
@ExtendWith(MiniYarn.class)
class SparkOnYarnRestIT {

    private static final String CLUSTER = EndToEnd.YARN_CLUSTER;
    // a Spark job in cluster mode takes 15-20 s on an idle 2-core machine, minutes on a loaded one
    private static final Duration WAIT = Duration.ofMinutes(6);

    @RegisterExtension
    static final MapleStackExtension maple = new MapleStackExtension(EndToEnd.SETTINGS);

    private static YarnClient rm;

    @BeforeAll
    static void registerYarnAndSpark() throws Exception {
        SparkOnYarnSetup setup = SparkOnYarnSetup.forMiniYarn(Files.createTempDirectory("maple-e2e-staging"));
        MapleRest rest = maple.stack().rest();
        rest.createIfAbsent("/api/v1/admin/clusters", Map.of("name", CLUSTER, "category", "YARN",
                "config", setup.clusterConfig(), "description", "MiniYARN of SparkOnYarnRestIT"));
        String engine = "/api/v1/admin/clusters/" + CLUSTER + "/engines";
        rest.createIfAbsent(engine, Map.of("engineCategory", "spark", "engineVersion", SparkOnYarnSetup.SPARK_VERSION,
                "engineHome", setup.sparkHome().toString(), "extInfo", setup.engineExtInfo()));
        EndToEnd.require(rest.put(engine + "/spark/" + SparkOnYarnSetup.SPARK_VERSION + "/default-conf",
                setup.defaultConf()), "PUT default-conf");

        YarnConfiguration conf = new YarnConfiguration();
        conf.addResource(new Path(MiniYarn.confDir().resolve("yarn-site.xml").toUri()));
        rm = YarnClient.createYarnClient();
        rm.init(conf);
        rm.start();
    }

    @AfterAll
    static void closeClient() throws Exception {
        if (rm != null) {
            rm.close();
        }
    }

    @Test
    void aSparkSqlJobSubmittedOverRestRunsInClusterModeAndSucceeds() throws Exception {
        MapleStack stack = maple.stack();
        long id = stack.rest().submit(EndToEnd.sparkSubmission("yarn-sql-1", CLUSTER, "default",
                EndToEnd.sql("CREATE TEMPORARY VIEW t AS SELECT id FROM range(1000); SELECT sum(id) FROM t")));

        awaitTerminal(stack, id);
        assertThat(stack.executions().status(id)).as("final status in MySQL").isEqualTo("SUCCEED");
        assertThat(stack.rest().execution(id).get("status").asText()).isEqualTo("SUCCEED");
        assertThat(stack.executions().history(id)).containsExactly("CREATED", "ACCEPTED", "STARTING", "RUNNING",
                "SUCCEED");

        ApplicationReport app = onlyAppOf(id);
        assertThat(app.getYarnApplicationState()).isEqualTo(YarnApplicationState.FINISHED);
        assertThat(app.getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.SUCCEEDED);
        assertThat(app.getApplicationType()).isEqualTo("SPARK");
        String appId = app.getApplicationId().toString();

        JsonNode execInfo = EndToEnd.execInfo(stack, id);
        assertThat(execInfo.path("lastStatus").asText()).isEqualTo("SUCCEED");
        assertThat(execInfo.path("lastClusterStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(execInfo.path("rawStatus").asText()).startsWith("FINISHED");
        JsonNode detail = execInfo.path("clusterInfo").path("detail");
        assertThat(detail.path("appId").asText()).isEqualTo(appId);
        assertThat(detail.path("trackingUrl").asText()).startsWith("http").contains(appId);
        assertThat(detail.path("finalStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(execInfo.path("clusterInfo").path("statuses").findValuesAsText("status"))
                .containsSubsequence("RUNNING", "SUCCEEDED");

        // the driver's output once the app ended: from log aggregation, as soon as the NodeManager has moved it
        JsonNode stdout = await().atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                .until(() -> log(stack, id, "stream=stdout&from=0&size=10000"), page -> page != null
                        && "yarn-aggregated".equals(page.path("source").asText()));
        assertThat(stdout.get("lines").toString()).contains("499500");
        assertThat(stdout.get("complete").asBoolean()).isTrue();
        JsonNode tail = log(stack, id, "stream=stdout&from=-2");
        assertThat(tail.get("source").asText()).isEqualTo("yarn-aggregated");
        assertThat(tail.get("total").asLong()).isEqualTo(stdout.get("total").asLong());
        assertThat(tail.get("lines")).hasSize(2);
        // its download: the same lines, the whole file streamed from the aggregated log
        MapleRest.Response download = stack.rest().get("/api/v1/executions/" + id + "/log/download?stream=stdout");
        assertThat(download.status()).isEqualTo(200);
        List<String> pageLines = new java.util.ArrayList<>();
        stdout.get("lines").forEach(line -> pageLines.add(line.asText()));
        assertThat(download.raw().lines().toList()).isEqualTo(pageLines);
        // spark-submit's own output on the worker host: it submitted this very application
        JsonNode launch = log(stack, id, "stream=launch&from=0&size=10000");
        assertThat(launch.get("lines").toString()).contains("Submitting application " + appId);
    }

    @Test
    void aLongSparkJobKilledOverRestIsKilledInMapleAndInTheResourceManager() throws Exception {
        MapleStack stack = maple.stack();
        // the driver sleeps in a task for 5 minutes: long enough to be killed while RUNNING
        long id = stack.rest().submit(EndToEnd.sparkSubmission("yarn-long-1", CLUSTER, "default",
                EndToEnd.sql("SELECT 'before-the-sleep' AS marker; "
                        + "SELECT reflect('java.lang.Thread', 'sleep', bigint(300000)) AS slept")));

        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                // one read a poll: three reads could see ACCEPTED, then STARTING twice, and pass on STARTING
                .until(() -> !Set.of("CREATED", "ACCEPTED", "STARTING").contains(stack.executions().status(id)));
        assertThat(stack.executions().status(id)).as("the long job runs").isEqualTo("RUNNING");
        assertThat(onlyAppOf(id).getYarnApplicationState()).isEqualTo(YarnApplicationState.RUNNING);

        // while it runs: the driver's stdout from its NodeManager, with what it printed before sleeping
        JsonNode live = await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(
                () -> log(stack, id, "stream=stdout&from=-100"),
                page -> page != null && page.get("lines").toString().contains("before-the-sleep"));
        assertThat(live.get("source").asText()).isEqualTo("yarn-live");
        assertThat(live.get("complete").asBoolean()).isFalse();
        assertThat(log(stack, id, "stream=stderr&from=0&size=5").get("source").asText()).isEqualTo("yarn-live");
        // downloaded while it runs: from the NodeManager, as far as the driver has written
        assertThat(stack.rest().get("/api/v1/executions/" + id + "/log/download?stream=stdout").raw())
                .contains("before-the-sleep");

        MapleRest.Response kill = stack.rest().kill(id, "system test kills a running Spark job");
        assertThat(kill.ok()).as("kill answered %s: %s", kill.status(), kill.raw()).isTrue();

        awaitTerminal(stack, id);
        assertThat(stack.executions().status(id)).as("final status in MySQL").isEqualTo("KILLED");
        assertThat(stack.rest().execution(id).get("status").asText()).isEqualTo("KILLED");
        assertThat(stack.executions().history(id)).endsWith("RUNNING", "KILLED");
        assertThat(onlyAppOf(id).getYarnApplicationState()).as("state in the RM").isEqualTo(YarnApplicationState.KILLED);

        // after it ended: the same output from log aggregation
        JsonNode after = await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(
                () -> log(stack, id, "stream=stdout&from=-100"),
                page -> page != null && "yarn-aggregated".equals(page.path("source").asText()));
        assertThat(after.get("lines").toString()).contains("before-the-sleep");
        assertThat(after.get("complete").asBoolean()).isTrue();
    }

    /** A page of the execution's log, or null while the api answers otherwise (e.g. 404: nothing yet). */
    private static JsonNode log(MapleStack stack, long id, String query) {
        MapleRest.Response r = stack.rest().get("/api/v1/executions/" + id + "/log?" + query);
        return r.status() == 200 ? r.body() : null;
    }

    private static void awaitTerminal(MapleStack stack, long id) {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> ExecutionTable.TERMINAL.contains(stack.executions().status(id)));
    }

    /** Exactly one YARN application carries the execution's tag (asserted), and this is it. */
    private static ApplicationReport onlyAppOf(long id) throws Exception {
        List<ApplicationReport> apps = rm.getApplications(null, null, Set.of(YarnTags.forExecution(id)));
        assertThat(apps).as("YARN apps tagged for execution %d", id).hasSize(1);
        return apps.get(0);
    }
}
