package io.maple.api.execution;

import io.maple.domain.ExecutionStatus;
import java.time.Instant;

/** One row of the status history: what moved the execution, from where to where, and why. */
public record StatusChange(ExecutionStatus from, ExecutionStatus to, String reason, String source, Instant time) {
}
