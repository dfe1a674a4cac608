package io.maple.persistence.queue;

import java.util.List;

/**
 * What one change of a cluster queue did: whether the execution that made it now holds a slot, and
 * the other executions it granted a slot to (each must be told: their workflows wait for a signal).
 */
public record SlotChange(boolean holds, List<Long> grantedOthers) {
}
