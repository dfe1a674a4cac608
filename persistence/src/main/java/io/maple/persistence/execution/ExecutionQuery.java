package io.maple.persistence.execution;

import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import java.time.Instant;
import java.util.List;

/** Filters and a page for listing executions; null fields do not filter. Sorted newest first, by id. */
public record ExecutionQuery(
        List<ExecutionStatus> statuses,
        String cluster,
        String clusterQueue,
        String fromApp,
        String uniqueId,
        String execGroup,
        String execUser,
        EngineCategory engineCategory,
        Instant createdFrom,
        Instant createdTo,
        int offset,
        int limit) {
}
