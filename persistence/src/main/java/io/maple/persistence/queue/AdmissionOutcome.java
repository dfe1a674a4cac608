package io.maple.persistence.queue;

import io.maple.domain.ExecutionStatus;
import java.util.List;

/**
 * What an admission did: the row's status afterwards (STARTING when granted at once, ACCEPTED while
 * waiting, anything else when the row had moved on), whether the execution holds a slot, and the
 * other executions its change granted one to.
 */
public record AdmissionOutcome(ExecutionStatus status, boolean holds, List<Long> grantedOthers) {
}
