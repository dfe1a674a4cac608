package io.maple.engine.catalog;

import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;

/**
 * The execution-side half of a launch request: who runs what where. {@code executionId} is 0 for
 * a submission that has not been stored yet (validation, dry-run rendering).
 */
public record LaunchSubject(
        long executionId,
        String execName,
        String fromApp,
        String cluster,
        String clusterQueue,
        String group,
        String user,
        EngineCategory engine,
        String engineVersion,
        JobConfig job) {
}
