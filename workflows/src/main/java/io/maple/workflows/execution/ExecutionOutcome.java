package io.maple.workflows.execution;

import io.maple.domain.ExecutionStatus;

/** How an execution ended. */
public record ExecutionOutcome(long executionId, ExecutionStatus status, String reason) {
}
