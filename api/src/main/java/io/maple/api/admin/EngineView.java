package io.maple.api.admin;

import io.maple.domain.EngineCategory;
import io.maple.engine.spi.EngineExtInfo;
import java.time.Instant;

/** An engine version registered on a cluster. */
public record EngineView(String cluster, EngineCategory engineCategory, String engineVersion, String engineHome,
                         EngineExtInfo extInfo, Instant createTime, Instant updateTime) {
}
