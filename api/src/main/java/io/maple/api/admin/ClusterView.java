package io.maple.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.maple.domain.ClusterCategory;
import java.time.Instant;

/** A registered cluster; {@code config} is a JSON object, not a string. */
public record ClusterView(String name, ClusterCategory category, JsonNode config, String description,
                          Instant createTime, Instant updateTime) {
}
