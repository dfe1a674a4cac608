package io.maple.workflows.contract;

import io.maple.domain.ExecutionStatus;

/** What the compare-and-set did; {@code current} is the row's status afterwards. */
public record TransitionResult(boolean applied, ExecutionStatus from, ExecutionStatus current) {
}
