package io.maple.engine.spi;

import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;

/**
 * Everything a plugin may use to render a launch: the seed's "生成对象" (maple id, exec name, from
 * app, queue, group, user, job) plus the cluster engine's home, ext info and default conf.
 *
 * @param defaults the cluster engine's default job configuration, merged under {@code job}; may be null
 */
public record LaunchRequest(
        long executionId,
        String execName,
        String fromApp,
        String cluster,
        ClusterCategory clusterCategory,
        String clusterQueue,
        String group,
        String user,
        EngineCategory engine,
        String engineVersion,
        String engineHome,
        EngineExtInfo engineExtInfo,
        JobConfig defaults,
        JobConfig job) {
}
