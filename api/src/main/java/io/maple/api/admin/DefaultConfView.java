package io.maple.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.maple.domain.EngineCategory;
import java.time.Instant;

/** The job configuration merged under every job submitted to this cluster engine. */
public record DefaultConfView(String cluster, EngineCategory engineCategory, String engineVersion,
                              JsonNode configuration, Instant updateTime) {
}
