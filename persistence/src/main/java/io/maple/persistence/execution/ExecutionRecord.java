package io.maple.persistence.execution;

import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.domain.QueueKey;
import java.time.Instant;

/** One row of {@code maple_engine_execution}. JSON columns stay strings here. */
public record ExecutionRecord(
        Long id,
        String uniqueId,
        String execName,
        String execComment,
        String fromApp,
        String cluster,
        String clusterQueue,
        EngineCategory engineCategory,
        String engineVersion,
        Integer priority,
        ExecutionStatus status,
        String execGroup,
        String execUser,
        String webhooks,
        String requestType,
        String execType,
        Long rerunOf,
        Instant startTime,
        Instant endTime,
        Instant heartbeatTime,
        Instant createTime,
        Instant updateTime,
        Long version) {

    public QueueKey queueKey() {
        return new QueueKey(cluster, clusterQueue, fromApp, execGroup, priority);
    }
}
