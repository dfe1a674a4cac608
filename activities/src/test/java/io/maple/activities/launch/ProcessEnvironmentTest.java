package io.maple.activities.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessEnvironmentTest {

    @Test
    void aLaunchedProcessGetsItsOwnVariablesButNoneOfTheWorkersMapleSecrets() throws Exception {
        ProcessBuilder process = new ProcessBuilder("env");
        // what a worker started by ./maple or docker-compose carries in its own environment
        process.environment().put("MAPLE_REPORT_SECRET", "worker-secret");
        process.environment().put("MAPLE_DB_PASSWORD", "db-password");
        process.environment().put("UNRELATED", "kept");
        ProcessEnvironment.apply(process, Map.of("MAPLE_REPORT_TOKEN", "r1.5.abc", "MAPLE_EXECUTION_ID", "5"));

        Process started = process.start();
        String env = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.waitFor()).isZero();
        assertThat(env.lines()).contains("MAPLE_REPORT_TOKEN=r1.5.abc", "MAPLE_EXECUTION_ID=5", "UNRELATED=kept");
        assertThat(env).doesNotContain("worker-secret").doesNotContain("db-password");
    }
}
