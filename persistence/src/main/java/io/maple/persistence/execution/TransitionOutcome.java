package io.maple.persistence.execution;

import io.maple.domain.ExecutionStatus;

/** What a compare-and-set did: whether it won, what it replaced, and the status the row now has. */
public record TransitionOutcome(boolean applied, ExecutionStatus from, ExecutionStatus current) {
}
