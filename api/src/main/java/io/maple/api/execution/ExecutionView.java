package io.maple.api.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import java.time.Instant;

/** An execution as the API shows it; {@code webhooks} is the stored JSON array, not a string. */
public record ExecutionView(
        long id,
        String uniqueId,
        String execName,
        String comment,
        String fromApp,
        String cluster,
        String clusterQueue,
        EngineCategory engineCategory,
        String engineVersion,
        Integer priority,
        ExecutionStatus status,
        String group,
        String user,
        JsonNode webhooks,
        String requestType,
        String execType,
        Long rerunOf,
        Instant startTime,
        Instant endTime,
        Instant heartbeatTime,
        Instant createTime,
        Instant updateTime,
        Long version) {
}
