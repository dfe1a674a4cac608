package io.maple.persistence.cluster;

import io.maple.domain.ClusterCategory;
import java.time.Instant;

/** One row of {@code maple_cluster}; {@code config} is the category's connection JSON. */
public record ClusterRecord(Long id, String name, ClusterCategory category, String config, String description,
                            Instant createTime, Instant updateTime) {
}
