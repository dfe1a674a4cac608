package io.maple.workflows.execution;

import io.maple.domain.ExecutionStatus;

/** The status an execution ended in after a kill or cancel. */
public record StopResult(long executionId, ExecutionStatus status, String reason) {
}
