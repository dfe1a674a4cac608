package io.maple.api.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.domain.ClusterCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registers a cluster. The name appears in URLs and queue keys, so it is restricted to a safe
 * alphabet; {@code config} is the category's connection JSON object (RM addresses,
 * HADOOP_CONF_DIR, kubeconfig, ...).
 */
public record CreateClusterRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = ClusterAdminService.NAME_PATTERN,
                message = "may contain letters, digits, '.', '_' and '-' only") String name,
        @NotNull ClusterCategory category,
        ObjectNode config,
        @Size(max = 512) String description) {
}
