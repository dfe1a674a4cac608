package io.maple.workflows.contract;

import io.maple.domain.ExecutionStatus;
import java.util.Set;

/**
 * A status change for the persistence activity. {@code expectedFrom} narrows the state machine
 * (null: any allowed predecessor); {@code observation} updates exec_info in the same transaction.
 */
public record TransitionRequest(long executionId, ExecutionStatus to, Set<ExecutionStatus> expectedFrom,
                                String reason, String source, ClusterObservation observation) {
}
