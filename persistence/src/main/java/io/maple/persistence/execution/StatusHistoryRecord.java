package io.maple.persistence.execution;

import io.maple.domain.ExecutionStatus;
import java.time.Instant;

/** One transition of an execution, as kept in {@code maple_engine_execution_status_history}. */
public record StatusHistoryRecord(
        Long id,
        Long executionId,
        ExecutionStatus fromStatus,
        ExecutionStatus toStatus,
        String reason,
        String source,
        Instant createTime) {
}
