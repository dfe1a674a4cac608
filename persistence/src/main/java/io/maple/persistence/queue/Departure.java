package io.maple.persistence.queue;

import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusTransition;
import io.maple.persistence.execution.TransitionOutcome;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An execution's last status change and its way out of its cluster queue, in one transaction: the
 * slot goes back (and on to the next waiters) with the status that ends the execution, one commit
 * and one local activity where there were two. Idempotent: a retry after the commit finds the row
 * ended and nothing left to give back.
 */
@Service
public class Departure {

    private final ExecutionStore store;
    private final QueueSlots slots;

    public Departure(ExecutionStore store, QueueSlots slots) {
        this.store = store;
        this.slots = slots;
    }

    /**
     * Applies {@code transition} (to a terminal status); when the row has ended, by it or before it,
     * leaves the queue of {@code clusterQueue} (limit {@code limit}) and grants the freed slot.
     */
    @Transactional
    public DepartureOutcome depart(StatusTransition transition, UnaryOperator<String> execInfo, String cluster,
                                   String clusterQueue, int limit) {
        TransitionOutcome outcome = store.transition(transition, execInfo);
        if (!outcome.current().isTerminal()) {
            // refused, and the execution goes on: it keeps its slot
            return new DepartureOutcome(outcome, false, List.of());
        }
        // the execution row is locked by the transition, the gate after it: the order of every status write
        return new DepartureOutcome(outcome, true,
                slots.release(transition.executionId(), cluster, clusterQueue, limit));
    }
}
