package io.maple.workflows.contract;

import java.util.List;

/**
 * What a departure did: the status change's result, whether the execution left its queue (the row
 * ended), and the other executions the freed slot was granted to.
 */
public record DepartAnswer(TransitionResult transition, boolean left, List<Long> grantedOthers) {

    public SlotAnswer slot() {
        return new SlotAnswer(false, grantedOthers);
    }
}
