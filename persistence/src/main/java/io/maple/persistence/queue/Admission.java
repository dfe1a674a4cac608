package io.maple.persistence.queue;

import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusTransition;
import io.maple.persistence.execution.TransitionOutcome;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A CREATED execution's way into its cluster queue in one transaction: ACCEPTED, a place in line
 * and, when a slot is free, STARTING. Three commits (each an fsync) and three local activities
 * become one on the dispatch path. Idempotent: a retry after the commit finds the row past CREATED
 * and its entry in place, and answers what the first attempt did (except the other executions it
 * granted: the worker's sweep tells those again).
 */
@Service
public class Admission {

    private final ExecutionStore store;
    private final QueueSlots slots;
    private final TransactionTemplate transaction;

    public Admission(ExecutionStore store, QueueSlots slots, PlatformTransactionManager transactions) {
        this.store = store;
        this.slots = slots;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Admits {@code request}; {@code execInfo} gives, for each transition written, the exec_info
     * document after it from the current one (null keeps it).
     */
    public AdmissionOutcome admit(AdmissionRequest request,
                                  Function<StatusTransition, UnaryOperator<String>> execInfo) {
        // the gate row is made outside the transaction, as QueueSlots.acquire does on its own
        slots.ensureGate(request.cluster(), request.clusterQueue());
        return transaction.execute(tx -> {
            long id = request.executionId();
            // the execution's row is locked first, the queue's gate second: the order of every status write
            StatusTransition accept = new StatusTransition(id, ExecutionStatus.ACCEPTED, request.queuedReason(),
                    request.source(), EnumSet.of(ExecutionStatus.CREATED), null);
            TransitionOutcome accepted = store.transition(accept, execInfo.apply(accept));
            if (accepted.current() != ExecutionStatus.ACCEPTED) {
                return new AdmissionOutcome(accepted.current(), slots.holds(id), List.of());
            }
            SlotChange change = slots.acquire(id, request.cluster(), request.clusterQueue(), request.priority(),
                    request.limit());
            if (!change.holds()) {
                return new AdmissionOutcome(ExecutionStatus.ACCEPTED, false, change.grantedOthers());
            }
            StatusTransition start = new StatusTransition(id, ExecutionStatus.STARTING, request.grantedReason(),
                    request.source(), EnumSet.of(ExecutionStatus.ACCEPTED), null);
            TransitionOutcome started = store.transition(start, execInfo.apply(start));
            return new AdmissionOutcome(started.current(), true, change.grantedOthers());
        });
    }
}
