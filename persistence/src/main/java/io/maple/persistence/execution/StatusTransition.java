package io.maple.persistence.execution;

import io.maple.domain.ExecutionStatus;
import java.util.Set;

/**
 * A requested status change. {@code expectedFrom} narrows the state machine's predecessors (e.g.
 * START_FAILED only while STARTING); null means any status the state machine allows.
 * {@code execInfo}, when present, replaces the exec_info document in the same transaction.
 */
public record StatusTransition(
        long executionId,
        ExecutionStatus to,
        String reason,
        String source,
        Set<ExecutionStatus> expectedFrom,
        String execInfo) {

    public static StatusTransition to(long executionId, ExecutionStatus to, String reason, String source) {
        return new StatusTransition(executionId, to, reason, source, null, null);
    }
}
