package io.maple.persistence.cluster;

import io.maple.domain.EngineCategory;
import java.time.Instant;

/** One row of {@code maple_cluster_engine}; {@code extInfo} holds the seed's envs and forbiddenConfs. */
public record ClusterEngineRecord(Long id, Long clusterId, EngineCategory engineCategory, String engineVersion,
                                  String engineHome, String extInfo, Instant createTime, Instant updateTime) {
}
