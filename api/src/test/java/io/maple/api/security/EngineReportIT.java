package io.maple.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.activities.config.LocalLauncherProperties;
import io.maple.activities.config.ReportProperties;
import io.maple.activities.launch.AppRef;
import io.maple.activities.launch.EngineReportAccess;
import io.maple.activities.launch.LaunchTarget;
import io.maple.activities.launch.local.LocalExitWatch;
import io.maple.activities.launch.local.LocalLauncher;
import io.maple.activities.log.LocalLogs;
import io.maple.activities.log.LogProperties;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.domain.ClusterCategory;
import io.maple.domain.report.ReportTokens;
import io.maple.engine.spi.LaunchSpec;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.workflows.contract.ClusterObservation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * A process launched by the worker's real LOCAL launcher reports to this real api with the token the
 * launcher put in its environment: accepted for its own execution, 403 for another. Neither side
 * sets {@code maple.report.secret}: their local defaults must agree.
 */
class EngineReportIT extends ApiIntegrationTest {

    @Autowired
    ExecutionStore store;
    @Autowired
    ReportTokens apiTokens;

    @Test
    void aLaunchedProcessMayReportForItsOwnExecutionOnly() throws Exception {
        String app = newApp();
        long own = submitOk(submission(app, "report-own"));
        long other = submitOk(submission(app, "report-other"));
        // the worker's configuration, bound like Spring binds it: only the api URL is set
        ReportProperties workerSide = new Binder(new MapConfigurationPropertySource(
                Map.of("maple.report.api-url", "http://127.0.0.1:" + port)))
                .bindOrCreate("maple.report", ReportProperties.class);
        Path workDir = Files.createTempDirectory("maple-report-it");
        LocalLauncherProperties localProperties = new LocalLauncherProperties(workDir, Duration.ofSeconds(5), false);
        LocalLauncher launcher = new LocalLauncher(localProperties,
                new LocalLogs(localProperties, new LogProperties(DataSize.ofMegabytes(64))),
                new LocalExitWatch(observation -> { }), Clock.systemUTC());
        String script = """
                report() { curl -s -o /dev/null -w '%%{http_code}' -X POST -H 'Content-Type: application/json' \\
                  -H "X-Maple-Report-Token: $MAPLE_REPORT_TOKEN" -d '{"status":"RUNNING","message":"alive"}' "$1"; }
                report "$MAPLE_REPORT_URL" > own.code
                report "${MAPLE_REPORT_URL%%/$MAPLE_EXECUTION_ID/report}/%d/report" > other.code
                """.formatted(other);
        ClusterRecord local = new ClusterRecord(null, "local", ClusterCategory.LOCAL, "{}", null, null, null);
        launcher.launch(new LaunchTarget(store.require(own), local, new LaunchSpec.Script(script, null),
                new EngineReportAccess(workerSide).environment(own)));
        AppRef ref = new AppRef(own, local, null, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ClusterObservation seen = launcher.observe(ref);
        while (!seen.phase().isFinal() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = launcher.observe(ref);
        }
        assertThat(seen.phase().isFinal()).as(seen.toString()).isTrue();

        Path dir = launcher.dirOf(own);
        assertThat(Files.readString(dir.resolve("own.code")).trim()).isEqualTo("202");
        assertThat(Files.readString(dir.resolve("other.code")).trim()).isEqualTo("403");
        assertThat(store.require(own).heartbeatTime()).isNotNull();
        assertThat(store.require(other).heartbeatTime()).isNull();
        assertThat(Files.readString(dir.resolve("script.sh"))).doesNotContain(apiTokens.token(own));
    }

    @Test
    void renderShowsNoReportToken() {
        HttpApi.Response rendered = http.post("/api/v1/executions/render", submission(newApp(), "render-token").toString());
        assertThat(rendered.status()).as(rendered.body()).isEqualTo(200);
        // /render renders for execution id 0 (nothing stored)
        assertThat(rendered.body()).doesNotContain(apiTokens.token(0)).doesNotContain(ReportTokens.TOKEN_ENV)
                .doesNotContain(ReportTokens.LOCAL_SECRET);
    }
}
