package io.maple.api.execution;

import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The seed's submission: who asks (fromApp, group, user) under which idempotency key (uniqueId),
 * where it runs (cluster, clusterQueue, engine) and the job itself. Sizes follow the columns of
 * {@code maple_engine_execution}, so a valid request always fits the row.
 *
 * @param priority 1 (first) to 5 (last), the range of Temporal priority keys the scheduler maps it to
 */
public record SubmitExecutionRequest(
        @NotBlank @Size(max = 128) String uniqueId,
        @NotBlank @Size(max = 256) String execName,
        @Size(max = 1024) String comment,
        @NotBlank @Size(max = 64) String fromApp,
        @NotBlank @Size(max = 64) String cluster,
        @NotBlank @Size(max = 128) String clusterQueue,
        @NotNull EngineCategory engineCategory,
        @NotBlank @Size(max = 32) String engineVersion,
        @NotNull @Min(1) @Max(5) Integer priority,
        @NotBlank @Size(max = 64) String group,
        @NotBlank @Size(max = 64) String user,
        @Size(max = 32) String requestType,
        @Size(max = 32) String execType,
        @Size(max = 10) List<@NotNull @Valid Webhook> webhooks,
        @NotNull JobConfig job) {
}
