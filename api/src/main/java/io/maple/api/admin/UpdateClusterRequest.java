package io.maple.api.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.domain.ClusterCategory;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Replaces a cluster's category, connection config and description; the name stays. */
public record UpdateClusterRequest(
        @NotNull ClusterCategory category,
        ObjectNode config,
        @Size(max = 512) String description) {
}
