package io.maple.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maple.system.harness.ExecutionTable;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
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
    }
}
