package io.maple.activities.launch;

import io.maple.engine.spi.LaunchSpec;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import java.util.Map;

/**
 * What to launch and where: the execution, its cluster row, the plugin's rendered spec and the
 * environment Maple gives the engine (report token, URL, execution id). The environment holds a
 * secret: it never goes into the spec, a log line or anything returned to the workflow.
 */
public record LaunchTarget(ExecutionRecord execution, ClusterRecord cluster, LaunchSpec spec,
                           Map<String, String> environment) {

    public LaunchTarget {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /** A target without an engine environment (tools and tests that do not report). */
    public LaunchTarget(ExecutionRecord execution, ClusterRecord cluster, LaunchSpec spec) {
        this(execution, cluster, spec, Map.of());
    }

    @Override
    public String toString() {
        return "LaunchTarget[execution=" + execution.id() + ", cluster=" + cluster.name() + ", environment="
                + environment.keySet() + "]"; // names only: the values hold the report token
    }
}
