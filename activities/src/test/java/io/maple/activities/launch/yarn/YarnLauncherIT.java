package io.maple.activities.launch.yarn;

import static io.maple.activities.launch.yarn.YarnTestSupport.observeUntil;
import static io.maple.activities.launch.yarn.YarnTestSupport.phase;
import static io.maple.activities.launch.yarn.YarnTestSupport.ref;
import static io.maple.activities.launch.yarn.YarnTestSupport.script;
import static io.maple.activities.launch.yarn.YarnTestSupport.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maple.activities.launch.LaunchFailedException;
import io.maple.activities.launch.LaunchResult;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The YARN launcher against a real in-process YARN, with real launch scripts and real AMs. */
@ExtendWith(MiniYarn.class)
class YarnLauncherIT {

    private static final AtomicLong IDS = new AtomicLong(100);

    @TempDir
    static Path workDir;

    static YarnClients clients;
    static YarnLauncher launcher;

    @BeforeAll
    static void launcher() {
        clients = new YarnClients();
        launcher = new YarnLauncher(clients, YarnProperties.defaults(workDir), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        clients.destroy();
    }

    private List<YarnApp> appsTagged(long id) {
        return clients.call(YarnTestSupport.cluster(),
                c -> YarnClientApplicationsSource.fetch(c, Set.of(YarnTags.forExecution(id))));
    }

    @Test
    void anApplicationThatSucceedsIsFoundByTagAndEndsSucceeded() {
        long id = IDS.incrementAndGet();
        LaunchResult result = launcher.launch(target(id, script("succeed", 1500, "")));

        assertThat(result.adopted()).isFalse();
        assertThat(result.appId()).startsWith("application_");
        assertThat(result.logTail()).contains("launching execution " + id).contains("submitted " + result.appId());
        List<ClusterObservation> seen = observeUntil(() -> launcher.observe(ref(id)), YarnTestSupport.isFinal(), 90_000);
        assertThat(seen).extracting(ClusterObservation::phase).contains(ClusterPhase.RUNNING);
        ClusterObservation last = seen.get(seen.size() - 1);
        assertThat(last.phase()).isEqualTo(ClusterPhase.SUCCEEDED);
        assertThat(last.rawState()).isEqualTo("FINISHED");
        assertThat(last.finalStatus()).isEqualTo("SUCCEEDED");
        assertThat(last.appId()).isEqualTo(result.appId());
        assertThat(Files.exists(launcher.workDirOf(id).resolve("launch.log"))).isTrue();
    }

    @Test
    void anApplicationMasterThatReportsFailureEndsFailed() {
        long id = IDS.incrementAndGet();
        launcher.launch(target(id, script("fail", 500, "")));

        ClusterObservation last = last(observeUntil(() -> launcher.observe(ref(id)), YarnTestSupport.isFinal(), 90_000));
        assertThat(last.phase()).isEqualTo(ClusterPhase.FAILED);
        assertThat(last.rawState()).isEqualTo("FINISHED");
        assertThat(last.finalStatus()).isEqualTo("FAILED");
        assertThat(last.diagnostics()).contains("test AM failed on purpose");
    }

    @Test
    void anApplicationMasterThatCrashesEndsFailedWithYarnStateFailed() {
        long id = IDS.incrementAndGet();
        launcher.launch(target(id, script("crash", 0, "")));

        List<ClusterObservation> seen = observeUntil(() -> launcher.observe(ref(id)), YarnTestSupport.isFinal(), 90_000);
        ClusterObservation last = last(seen);
        assertThat(last.phase()).isEqualTo(ClusterPhase.FAILED);
        assertThat(last.rawState()).isEqualTo("FAILED");
        // never RUNNING: the workflow turns this FAILED into START_FAILED
        assertThat(seen).extracting(ClusterObservation::phase).doesNotContain(ClusterPhase.RUNNING);
    }

    @Test
    void killEndsEveryApplicationWithTheTagAndWaitsForTheRm() {
        long id = IDS.incrementAndGet();
        launcher.launch(target(id, script("succeed", 600_000, "")));
        observeUntil(() -> launcher.observe(ref(id)), phase(ClusterPhase.RUNNING), 90_000);

        ClusterObservation killed = launcher.kill(ref(id));

        assertThat(killed.phase()).isEqualTo(ClusterPhase.KILLED);
        assertThat(killed.rawState()).isEqualTo("KILLED");
        assertThat(appsTagged(id)).singleElement().extracting(YarnApp::state).hasToString("KILLED");
        // killing again is harmless: nothing is left to kill, the answer is the same
        assertThat(launcher.kill(ref(id)).phase()).isEqualTo(ClusterPhase.KILLED);
    }

    @Test
    void aRetriedLaunchAdoptsTheApplicationItsDeadLauncherSubmitted() throws Exception {
        long id = IDS.incrementAndGet();
        // the launcher process dies right after submitting (as a worker crash would leave it)
        LaunchResult first = launcher.launch(target(id, script("succeed", 600_000, "kill -9 $$")));
        LaunchResult retried = launcher.launch(target(id, script("succeed", 600_000, "kill -9 $$")));

        assertThat(first.adopted()).isFalse();
        assertThat(retried.adopted()).isTrue();
        assertThat(retried.appId()).isEqualTo(first.appId());
        assertThat(appsTagged(id)).hasSize(1);
        // the script ran once: the retry asked the RM first and never re-submitted
        String log = Files.readString(launcher.workDirOf(id).resolve("launch.log"));
        assertThat(log.split("launching execution", -1)).hasSize(2);
        assertThat(launcher.kill(ref(id)).phase()).isEqualTo(ClusterPhase.KILLED);
    }

    @Test
    void aRetryWaitsForTheScriptItsDeadWorkerLeftRunningAndAdoptsWhatItSubmitted() throws Exception {
        long id = IDS.incrementAndGet();
        Path dir = launcher.workDirOf(id);
        Files.createDirectories(dir);
        // what a worker that died mid-launch leaves behind: its script still running, and the pid file
        Files.writeString(dir.resolve("orphan.sh"), "sleep 3\n" + script("succeed", 600_000, ""));
        ProcessBuilder pb = new ProcessBuilder("bash", "orphan.sh").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("launch.log").toFile()));
        pb.environment().put("MAPLE_EXECUTION_ID", Long.toString(id));
        pb.environment().put("MAPLE_APPLICATION_TAG", YarnTags.forExecution(id));
        pb.environment().put("HADOOP_CONF_DIR", MiniYarn.confDir().toString());
        Process orphan = pb.start();
        Files.writeString(dir.resolve("launch.pid"),
                orphan.pid() + " " + orphan.info().startInstant().orElseThrow().toEpochMilli());

        LaunchResult retried = launcher.launch(target(id, script("succeed", 600_000, "")));

        assertThat(orphan.isAlive()).isFalse();
        assertThat(retried.adopted()).isTrue();
        assertThat(appsTagged(id)).singleElement().extracting(YarnApp::appId).isEqualTo(retried.appId());
        assertThat(launcher.kill(ref(id)).phase()).isEqualTo(ClusterPhase.KILLED);
    }

    @Test
    void aClusterGivenByItsRmAddressOnlyGivesTheScriptAConfDirThatReachesTheRm() throws Exception {
        long id = IDS.incrementAndGet();
        org.apache.hadoop.conf.Configuration mini = new org.apache.hadoop.conf.Configuration(false);
        mini.addResource(new org.apache.hadoop.fs.Path(MiniYarn.confDir().resolve("yarn-site.xml").toUri()));
        io.maple.persistence.cluster.ClusterRecord byAddress = new io.maple.persistence.cluster.ClusterRecord(2L,
                "mini-by-address", io.maple.domain.ClusterCategory.YARN,
                "{\"rmAddresses\": [\"" + mini.get("yarn.resourcemanager.address") + "\"]}", null, null, null);
        io.maple.activities.launch.LaunchTarget target = new io.maple.activities.launch.LaunchTarget(
                YarnTestSupport.execution(id, io.maple.domain.ExecutionStatus.STARTING), byAddress,
                new io.maple.engine.spi.LaunchSpec.Script(script("pending", 600_000, "echo \"conf $HADOOP_CONF_DIR\""),
                        "maple-id=" + id));

        LaunchResult result = launcher.launch(target);

        Path generated = launcher.workDirOf(id).resolve("hadoop-conf");
        assertThat(result.appId()).startsWith("application_");
        assertThat(result.logTail()).contains("conf " + generated);
        assertThat(Files.readString(generated.resolve("yarn-site.xml"))).contains(mini.get("yarn.resourcemanager.address"));
        assertThat(appsTagged(id)).singleElement().extracting(YarnApp::appId).isEqualTo(result.appId());
        assertThat(launcher.kill(ref(id)).phase()).isEqualTo(ClusterPhase.KILLED);
    }

    @Test
    void aLauncherThatExitsNonZeroWithoutAnApplicationFailsWithItsLogTail() {
        long id = IDS.incrementAndGet();
        String broken = "#!/usr/bin/env bash\necho 'Error: Unrecognized option: --bogus' >&2\nexit 2\n";

        assertThatThrownBy(() -> launcher.launch(target(id, broken)))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessageContaining("exited with code 2")
                .hasMessageContaining("Unrecognized option: --bogus");
        assertThat(launcher.observe(ref(id)).phase()).isEqualTo(ClusterPhase.NOT_FOUND);
    }

    @Test
    void anApplicationStuckInAcceptedPastTheBoundIsKilledAndReportedStartFailed() {
        long id = IDS.incrementAndGet();
        YarnLauncher bounded = new YarnLauncher(clients,
                YarnProperties.defaults(workDir).withStartingTimeout(Duration.ofSeconds(4)), Clock.systemUTC());
        bounded.launch(target(id, script("pending", 600_000, "")));

        List<ClusterObservation> seen = observeUntil(() -> bounded.observe(ref(id)),
                phase(ClusterPhase.START_FAILED), 60_000);
        ClusterObservation stuck = last(seen);
        assertThat(stuck.rawState()).isEqualTo("ACCEPTED");
        assertThat(stuck.diagnostics()).contains("stayed ACCEPTED longer than PT4S").contains("killed by Maple");
        assertThat(seen).extracting(ClusterObservation::phase).doesNotContain(ClusterPhase.RUNNING);
        observeUntil(() -> appsTagged(id).get(0).toObservation(id, 0), phase(ClusterPhase.KILLED), 30_000);
    }

    @io.temporal.activity.ActivityInterface
    public interface LaunchActivity {
        String launch(long executionId, String script);
    }

    @Test
    void insideAnActivityTheLauncherHeartbeatsWhileTheScriptRuns() {
        long id = IDS.incrementAndGet();
        io.temporal.testing.TestActivityEnvironment env = io.temporal.testing.TestActivityEnvironment.newInstance();
        try {
            java.util.concurrent.atomic.AtomicInteger heartbeats = new java.util.concurrent.atomic.AtomicInteger();
            env.setActivityHeartbeatListener(String.class, details -> heartbeats.incrementAndGet());
            env.registerActivitiesImplementations((LaunchActivity) (execId, text) -> launcher.launch(target(execId, text)).appId());
            LaunchActivity activity = env.newActivityStub(LaunchActivity.class, io.temporal.activity.ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(1)).setHeartbeatTimeout(Duration.ofSeconds(6))
                    .setRetryOptions(io.temporal.common.RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());

            assertThatThrownBy(() -> activity.launch(id, "#!/usr/bin/env bash\nsleep 11\necho 'gave up'\nexit 2\n"))
                    .hasStackTraceContaining("LaunchFailedException")
                    .hasStackTraceContaining("gave up");
            assertThat(heartbeats.get()).isGreaterThanOrEqualTo(2);
        } finally {
            env.close();
        }
    }

    private static ClusterObservation last(List<ClusterObservation> seen) {
        return seen.get(seen.size() - 1);
    }
}
