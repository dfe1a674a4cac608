package io.maple.persistence.execution;

import java.time.Instant;

/** One row of {@code maple_engine_execution_ext_info}: the JSON documents beside an execution. */
public record ExecutionExtInfoRecord(
        Long executionId,
        String configuration,
        String extInfo,
        String execInfo,
        Instant createTime,
        Instant updateTime) {
}
