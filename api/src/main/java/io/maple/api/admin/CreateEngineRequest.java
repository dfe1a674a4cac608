package io.maple.api.admin;

import io.maple.domain.EngineCategory;
import io.maple.engine.spi.EngineExtInfo;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registers an engine version on a cluster. {@code extInfo} is the seed's document:
 * {@code {"envs": {...}, "forbiddenConfs": [{"name", "replaceParameter", "desc"}]}}.
 */
public record CreateEngineRequest(
        @NotNull EngineCategory engineCategory,
        @NotBlank @Size(max = 32) @Pattern(regexp = ClusterAdminService.NAME_PATTERN,
                message = "may contain letters, digits, '.', '_' and '-' only") String engineVersion,
        @Size(max = 512) String engineHome,
        EngineExtInfo extInfo) {
}
