package io.maple.workflows.contract;

import io.maple.domain.ExecutionStatus;
import java.util.List;

/**
 * What an admission did: the row's status afterwards (STARTING: granted at once; ACCEPTED: waiting
 * in line; anything else: the row had moved on), whether the execution holds a slot, and the other
 * executions granted one by this change (their workflows wait for {@code slotGranted}).
 */
public record AdmitAnswer(ExecutionStatus status, boolean holds, List<Long> grantedOthers) {

    public SlotAnswer slot() {
        return new SlotAnswer(holds, grantedOthers);
    }
}
