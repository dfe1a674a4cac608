package io.maple.workflows.contract;

import java.util.List;

/**
 * What a change of a cluster queue did: whether the asking execution holds a slot now, and the
 * other executions it granted one to (their workflows wait for {@code slotGranted}).
 */
public record SlotAnswer(boolean holds, List<Long> grantedOthers) {

    public boolean grantedAny() {
        return grantedOthers != null && !grantedOthers.isEmpty();
    }
}
