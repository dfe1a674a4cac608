package io.maple.persistence.cluster;

import java.time.Instant;

/** One row of {@code maple_cluster_engine_default_conf}: a job configuration merged under the user's. */
public record DefaultConfRecord(Long id, Long clusterEngineId, String configuration, Instant createTime,
                                Instant updateTime) {
}
