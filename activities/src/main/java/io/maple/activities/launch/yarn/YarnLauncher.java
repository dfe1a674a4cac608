package io.maple.activities.launch.yarn;

import io.maple.activities.launch.AppRef;
import io.maple.activities.launch.ClusterLauncher;
import io.maple.activities.launch.LaunchFailedException;
import io.maple.activities.launch.LaunchResult;
import io.maple.activities.launch.LaunchTarget;
import io.maple.domain.ClusterCategory;
import io.maple.engine.spi.LaunchSpec;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Launches YARN applications by running the plugin's rendered script, and finds, observes and
 * kills them by the execution's tag ({@code maple-id=<id>}), asking the RM, never the logs.
 *
 * <p>Idempotent: {@link #launch} looks the tag up first and adopts an application an earlier
 * attempt submitted (a worker that died after submitting), so a retry never duplicates it.
 * {@link #observe} also enforces the STARTING bound: an app stuck in NEW..ACCEPTED beyond
 * {@code maple.yarn.starting-timeout} is killed and comes back as {@link ClusterPhase#START_FAILED}
 * with the RM's diagnostics; the poller does the same for the executions it watches.
 */
@Component
public class YarnLauncher implements ClusterLauncher {

    private static final Logger log = LoggerFactory.getLogger(YarnLauncher.class);
    /** The client conf dir written for a cluster configured without hadoopConfDir. */
    static final String GENERATED_CONF = "hadoop-conf";

    private final YarnClients clients;
    private final YarnProperties properties;
    private final StartingBound startingBound;
    private final Clock clock;

    public YarnLauncher(YarnClients clients, YarnProperties properties, Clock clock) {
        this.clients = clients;
        this.properties = properties;
        this.startingBound = new StartingBound(properties.startingTimeout());
        this.clock = clock;
    }

    @Override
    public ClusterCategory category() {
        return ClusterCategory.YARN;
    }

    @Override
    public LaunchResult launch(LaunchTarget target) {
        if (!(target.spec() instanceof LaunchSpec.Script script)) {
            throw new LaunchFailedException("YARN launches a script, not " + target.spec().getClass().getSimpleName());
        }
        long id = target.execution().id();
        String tag = YarnTags.forExecution(id);
        if (script.applicationTag() != null && !YarnTags.normalize(script.applicationTag()).equals(tag)) {
            // observe, kill and the poller find apps by this tag only: an app tagged otherwise would be lost
            throw new LaunchFailedException("the rendered script tags the application " + script.applicationTag()
                    + ", but Maple finds YARN applications by " + tag);
        }
        Path workDir = workDirOf(id);
        Optional<YarnApp> existing = latest(clients.call(target.cluster(), c -> YarnClientApplicationsSource.fetch(c, Set.of(tag))));
        if (existing.isPresent()) {
            log.info("execution {}: adopting {} already tagged {}", id, existing.get().appId(), tag);
            return new LaunchResult(existing.get().appId(), true, existing.get().toObservation(id, clock.millis()),
                    LaunchProcess.tail(workDir.resolve(LaunchProcess.LOG), properties.logTailBytes()));
        }
        if (LaunchProcess.awaitEarlierAttempt(workDir, properties.launcherTimeout(), heartbeat())) {
            // a script orphaned by a dead worker has ended: it may have submitted the app
            existing = latest(clients.call(target.cluster(), c -> YarnClientApplicationsSource.fetch(c, Set.of(tag))));
            if (existing.isPresent()) {
                log.info("execution {}: adopting {} submitted by an orphaned launch script", id, existing.get().appId());
                return new LaunchResult(existing.get().appId(), true, existing.get().toObservation(id, clock.millis()),
                        LaunchProcess.tail(workDir.resolve(LaunchProcess.LOG), properties.logTailBytes()));
            }
        }
        LaunchProcess.Outcome outcome = LaunchProcess.run(workDir, script.script(), environment(target, workDir, tag),
                properties.launcherTimeout(), properties.logTailBytes(), heartbeat());
        // the launcher's exit code does not decide: a script may fail after submitting (then we adopt)
        Optional<YarnApp> app = latest(clients.call(target.cluster(), c -> YarnClientApplicationsSource.fetch(c, Set.of(tag))));
        if (app.isEmpty()) {
            String how = outcome.exitCode() == null
                    ? "did not finish within " + properties.launcherTimeout()
                    : "exited with code " + outcome.exitCode();
            throw new LaunchFailedException("launch script " + how + " and no YARN application is tagged " + tag
                    + "\n" + outcome.logTail());
        }
        return new LaunchResult(app.get().appId(), false, app.get().toObservation(id, clock.millis()), outcome.logTail());
    }

    @Override
    public ClusterObservation observe(AppRef ref) {
        long now = clock.millis();
        List<YarnApp> apps;
        try {
            apps = tagged(ref);
        } catch (YarnUnreachableException e) {
            return new ClusterObservation(ref.executionId(), ref.appId(), ClusterPhase.UNREACHABLE, null, null,
                    e.getMessage(), null, null, null, Map.of(), now);
        }
        Optional<YarnApp> app = latest(apps);
        if (app.isEmpty()) {
            return notFound(ref, now);
        }
        if (startingBound.exceededBy(app.get(), now)) {
            return killStuck(ref.cluster(), ref.executionId(), app.get(), now);
        }
        return app.get().toObservation(ref.executionId(), now);
    }

    /** Kills an app past the STARTING bound and reports START_FAILED with the reason. */
    ClusterObservation killStuck(ClusterRecord cluster, long executionId, YarnApp app, long now) {
        String reason = startingBound.reason(app);
        log.warn("execution {}: {}", executionId, reason);
        clients.call(cluster, c -> {
            c.killApplication(org.apache.hadoop.yarn.api.records.ApplicationId.fromString(app.appId()), reason);
            return null;
        });
        return app.observation(executionId, ClusterPhase.START_FAILED, reason, now);
    }

    @Override
    public ClusterObservation kill(AppRef ref) {
        List<YarnApp> apps = tagged(ref);
        for (YarnApp app : apps) {
            if (!YarnStateMapping.isTerminal(app.state())) {
                clients.call(ref.cluster(), c -> {
                    c.killApplication(org.apache.hadoop.yarn.api.records.ApplicationId.fromString(app.appId()),
                            "killed by Maple for execution " + ref.executionId());
                    return null;
                });
            }
        }
        long deadline = clock.millis() + properties.killConfirmTimeout().toMillis();
        while (true) {
            apps = tagged(ref);
            boolean allEnded = apps.stream().allMatch(a -> YarnStateMapping.isTerminal(a.state()));
            if (allEnded || clock.millis() >= deadline) {
                // not confirmed in time: the observation is still non-final, so the caller retries the kill
                return latest(apps).map(a -> a.toObservation(ref.executionId(), clock.millis()))
                        .orElseGet(() -> notFound(ref, clock.millis()));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the RM to confirm the kill", e);
            }
        }
    }

    /**
     * Inside a Temporal activity: heartbeats while the script runs, so a long spark-submit is not
     * mistaken for a dead worker, and a cancelled activity stops the script (heartbeat throws).
     * Outside one (tests, tools): nothing.
     */
    private static Runnable heartbeat() {
        try {
            ActivityExecutionContext context = Activity.getExecutionContext();
            return () -> context.heartbeat("launch script running");
        } catch (IllegalStateException | NullPointerException notInAnActivity) {
            return () -> { };
        }
    }

    public Path workDirOf(long executionId) {
        return properties.workDir().resolve(Long.toString(executionId));
    }

    private List<YarnApp> tagged(AppRef ref) {
        return clients.call(ref.cluster(),
                c -> YarnClientApplicationsSource.fetch(c, Set.of(YarnTags.forExecution(ref.executionId()))));
    }

    private static ClusterObservation notFound(AppRef ref, long now) {
        return new ClusterObservation(ref.executionId(), ref.appId(), ClusterPhase.NOT_FOUND, null, null,
                "no YARN application tagged " + YarnTags.forExecution(ref.executionId()), null, null, null, Map.of(), now);
    }

    /** Of several apps with one tag (e.g. a re-submission), the newest one speaks for the execution. */
    static Optional<YarnApp> latest(List<YarnApp> apps) {
        return apps.stream().max(Comparator.comparingLong(YarnApp::startTimeMillis).thenComparing(YarnApp::appId));
    }

    /**
     * The launch script's environment: Maple's engine environment (report token, URL, execution id),
     * the tag and HADOOP_CONF_DIR for the cluster, so spark-submit / flink reach the RM Maple watches.
     * A cluster given by {@code rmAddresses} only gets a conf dir written in the execution's work dir
     * from what its config states. spark-submit / flink run pass the environment on to a driver they
     * run themselves (client mode); see README.md for a driver running on the cluster.
     */
    private static Map<String, String> environment(LaunchTarget target, Path workDir, String tag) {
        Map<String, String> env = new HashMap<>(target.environment());
        env.put("MAPLE_EXECUTION_ID", Long.toString(target.execution().id()));
        env.put("MAPLE_APPLICATION_TAG", tag);
        YarnClusterConfig config = YarnClusterConfig.parse(target.cluster().config());
        if (config.hadoopConfDir() != null && !config.hadoopConfDir().isBlank()) {
            env.put("HADOOP_CONF_DIR", config.hadoopConfDir());
        } else {
            Path generated = workDir.resolve(GENERATED_CONF);
            config.writeClientConf(generated);
            env.put("HADOOP_CONF_DIR", generated.toString());
        }
        return env;
    }
}
