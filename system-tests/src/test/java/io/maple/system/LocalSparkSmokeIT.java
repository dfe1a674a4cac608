package io.maple.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.maple.system.harness.ExecutionTable;
import io.maple.system.harness.MapleRest;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stack as a user meets it: a real Spark SQL job on the LOCAL cluster, submitted over REST, ends SUCCEED. */
class LocalSparkSmokeIT {

    @RegisterExtension
    static final MapleStackExtension maple = new MapleStackExtension();

    @Test
    void sparkSqlJobOnTheLocalClusterSucceeds() throws Exception {
        MapleStack stack = maple.stack();
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("uniqueId", "smoke-sql-1");
        submission.put("execName", "smoke_sql");
        submission.put("fromApp", "system-tests");
        submission.put("cluster", MapleStack.LOCAL_CLUSTER);
        submission.put("clusterQueue", "default");
        submission.put("engineCategory", "spark");
        submission.put("engineVersion", MapleStack.SPARK_VERSION);
        submission.put("priority", 1);
        submission.put("group", "maple");
        submission.put("user", "system-tests");
        submission.put("job", Map.of("runType", "sql", "jobConf",
                Map.of("sql", "CREATE TEMPORARY VIEW t AS SELECT id FROM range(10); SELECT sum(id) AS total FROM t")));

        long id = stack.rest().submit(submission);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> ExecutionTable.TERMINAL.contains(stack.executions().status(id)));
        assertThat(stack.executions().status(id)).as("final status in MySQL").isEqualTo("SUCCEED");
        assertThat(stack.rest().execution(id).get("status").asText()).isEqualTo("SUCCEED");
        assertThat(stack.executions().history(id)).startsWith("CREATED", "ACCEPTED", "STARTING").endsWith("SUCCEED");
        Path dir = stack.workDir().resolve(String.valueOf(id));
        assertThat(Files.readString(dir.resolve("exitcode")).trim()).isEqualTo("0");
        // the runner shows the query's result: sum(0..9)
        assertThat(Files.readString(dir.resolve("stdout.log"))).contains("|45   |");
        assertThat(stack.engineProcesses().of(id)).as("processes left behind").isEmpty();

        // the same output through the api: the SQL result, and spark-submit's own messages
        JsonNode stdout = log(stack, id, "stdout", "from=0&size=10000");
        assertThat(stdout.get("source").asText()).isEqualTo("local");
        assertThat(stdout.get("complete").asBoolean()).isTrue();
        assertThat(stdout.get("lines").toString()).contains("|45   |");
        assertThat(stdout.get("total").asLong()).isEqualTo(stdout.get("lines").size());
        JsonNode launch = log(stack, id, "launch", "from=0&size=10000");
        // spark-submit is the process here: its own messages (log4j at WARN in local-stack's spark-home) are its stderr
        List<String> launchLines = new ArrayList<>();
        launch.get("lines").forEach(line -> launchLines.add(line.asText()));
        assertThat(launchLines).isNotEmpty().isEqualTo(Files.readAllLines(dir.resolve("stderr.log")))
                .anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d WARN \\w+: .*"));
        JsonNode tail = log(stack, id, "stdout", "from=-2");
        List<String> out = Files.readAllLines(dir.resolve("stdout.log"));
        assertThat(tail.get("from").asLong()).isEqualTo(out.size() - 2);
        assertThat(List.of(tail.get("lines").get(0).asText(), tail.get("lines").get(1).asText()))
                .isEqualTo(out.subList(out.size() - 2, out.size()));
    }

    private static JsonNode log(MapleStack stack, long id, String stream, String paging) {
        MapleRest.Response r = stack.rest().get("/api/v1/executions/" + id + "/log?stream=" + stream + "&" + paging);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }
}
