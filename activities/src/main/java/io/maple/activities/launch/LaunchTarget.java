package io.maple.activities.launch;

import io.maple.engine.spi.LaunchSpec;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;

/** What to launch and where: the execution, its cluster row and the plugin's rendered spec. */
public record LaunchTarget(ExecutionRecord execution, ClusterRecord cluster, LaunchSpec spec) {
}
