package io.maple.persistence.cluster;

import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;

/**
 * What launching on one cluster engine needs, read in one round trip: the cluster, the engine
 * (home, ext info) and its default conf ({@code defaultConfiguration} null when it has none).
 */
public record LaunchTargetRecord(Long clusterId, String clusterName, ClusterCategory clusterCategory, Long engineId,
                                 EngineCategory engineCategory, String engineVersion, String engineHome,
                                 String engineExtInfo, String defaultConfiguration) {
}
