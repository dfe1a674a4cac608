package io.maple.api.execution;

import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The query parameters of {@code GET /executions}, bound by name; absent ones do not filter.
 * {@code status} may repeat ({@code ?status=RUNNING&status=FAILED}) or be comma separated; times are
 * ISO-8601 and {@code createdTo} is exclusive.
 */
public record ExecutionFilter(
        List<ExecutionStatus> status,
        String cluster,
        String clusterQueue,
        String fromApp,
        String uniqueId,
        String group,
        String user,
        EngineCategory engineCategory,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdTo) {

    public ExecutionFilter withFromApp(String app) {
        return new ExecutionFilter(status, cluster, clusterQueue, app, uniqueId, group, user, engineCategory, createdFrom,
                createdTo);
    }
}
