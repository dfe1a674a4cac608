package io.maple.activities.launch.yarn;

import io.maple.activities.launch.AppRef;
import io.maple.activities.launch.LaunchTarget;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.engine.spi.LaunchSpec;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Launch scripts, targets and waits shared by the YARN integration tests. */
public final class YarnTestSupport {

    private YarnTestSupport() {
    }

    public static ClusterRecord cluster() {
        return new ClusterRecord(1L, "mini", ClusterCategory.YARN, MiniYarn.clusterConfigJson(), null, null, null);
    }

    /**
     * A real launch script, shaped like a rendered spark-submit one: it runs the {@link TestSubmit}
     * JVM with the tag Maple gave it, then {@code after} (e.g. {@code kill -9 $$} to die after submitting).
     */
    public static String script(String mode, long millis, String after) {
        return script(mode, millis, after, "");
    }

    /**
     * As {@link #script(String, long, String)}; a non-empty {@code releaseFile} ends a succeed/fail AM as
     * soon as that file exists, before {@code millis} ran out.
     */
    public static String script(String mode, long millis, String after, String releaseFile) {
        return """
                #!/usr/bin/env bash
                set -eu
                echo "launching execution $MAPLE_EXECUTION_ID tagged $MAPLE_APPLICATION_TAG"
                '%s' -Xmx128m -XX:TieredStopAtLevel=1 -cp '%s' %s "$HADOOP_CONF_DIR" "$MAPLE_APPLICATION_TAG" %s %d '%s'
                %s
                """.formatted(System.getProperty("java.home") + "/bin/java", System.getProperty("java.class.path"),
                TestSubmit.class.getName(), mode, millis, releaseFile, after);
    }

    public static LaunchTarget target(long executionId, String script) {
        return new LaunchTarget(execution(executionId, ExecutionStatus.STARTING), cluster(),
                new LaunchSpec.Script(script, "maple-id=" + executionId));
    }

    public static ExecutionRecord execution(long id, ExecutionStatus status) {
        return new ExecutionRecord(id, "u-" + id, "yarn-it", null, "it", "mini", "default", EngineCategory.SPARK,
                "3.5.5", 1, status, "g", "u", null, "batch", "spark-jar", null, null, null, null, null, null, 0L);
    }

    public static AppRef ref(long executionId) {
        return new AppRef(executionId, cluster(), null, null);
    }

    /** Observes until {@code done} holds; returns every observation seen (the last one satisfies it). */
    public static List<ClusterObservation> observeUntil(Supplier<ClusterObservation> observe,
                                                 Predicate<ClusterObservation> done, long timeoutMillis) {
        List<ClusterObservation> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            ClusterObservation o = observe.get();
            seen.add(o);
            if (done.test(o)) {
                return seen;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out; seen " + seen);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static Predicate<ClusterObservation> phase(ClusterPhase p) {
        return o -> o.phase() == p;
    }

    public static Predicate<ClusterObservation> isFinal() {
        return o -> o.phase().isFinal();
    }
}
