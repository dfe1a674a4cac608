package io.maple.activities.launch;

import io.maple.engine.spi.LaunchSpec;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;

/**
 * Renders what to launch for an execution (the engine plugins, wired at merge). Must be
 * deterministic for one execution: a retried launch renders again and must find the same app.
 * Throw {@link LaunchFailedException} when the job cannot be rendered: it becomes START_FAILED.
 */
public interface LaunchSpecSource {

    LaunchSpec specFor(ExecutionRecord execution, ClusterRecord cluster);
}
