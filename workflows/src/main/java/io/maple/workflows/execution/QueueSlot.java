package io.maple.workflows.execution;

import io.maple.workflows.contract.AdmissionActivities;
import io.maple.workflows.contract.AdmitAnswer;
import io.maple.workflows.contract.AdmitRequest;
import io.maple.workflows.contract.DepartAnswer;
import io.maple.workflows.contract.DepartRequest;
import io.maple.workflows.contract.ExecutionSnapshot;
import io.maple.workflows.contract.QueueSlotActivities;
import io.maple.workflows.contract.SlotAnswer;
import io.maple.workflows.contract.SlotRelease;
import io.maple.workflows.contract.SlotRequest;
import io.maple.workflows.contract.TransitionRequest;
import io.maple.workflows.contract.TransitionResult;
import io.temporal.workflow.Workflow;
import java.util.function.BooleanSupplier;

/**
 * An execution's launch slot in its cluster queue, from the workflow's side: ask, wait, give back.
 * Since {@link #TABLE_ADMISSION} the queue is kept in MySQL ({@link QueueSlotActivities}: one local
 * activity joins it and, when a slot is free, grants it in the same transaction); runs begun before
 * keep the queue's admission workflow ({@link AdmissionActivities}) until they end.
 */
final class QueueSlot {

    /**
     * Version 1: the slot comes from MySQL's queue tables, not from the queue's admission workflow.
     * Version 2 ({@link #ONE_STEP}): a CREATED execution is accepted, queued and, with a free slot,
     * started by one local activity in one transaction ({@link QueueSlotActivities#admit}). Version 3
     * ({@link #ONE_STEP_END}): the status that ends it gives the slot back in the same local activity
     * ({@link QueueSlotActivities#depart}).
     */
    static final String TABLE_ADMISSION = "table-admission";
    static final int ONE_STEP = 2;
    static final int ONE_STEP_END = 3;

    private boolean table;
    private AdmissionActivities admissionWorkflow;
    private QueueSlotActivities slots;
    private SlotRequest request;
    private boolean granted;
    private boolean holds;
    /** Already in line (by {@link #enter}): waiting needs no second request. */
    private boolean asked;
    private boolean departsWithEnd;
    /** Out of the queue with the status that ended it ({@link #depart}): nothing left to release. */
    private boolean left;

    /**
     * Binds it to its execution. {@code table} comes from the version in a new run and from the
     * carried state after continue-as-new, so a run never gives back a slot where it did not get it.
     */
    void bind(ExecutionSnapshot execution, boolean table, boolean departsWithEnd, AdmissionActivities admissionWorkflow,
              QueueSlotActivities slots) {
        this.table = table;
        this.departsWithEnd = table && departsWithEnd;
        this.admissionWorkflow = admissionWorkflow;
        this.slots = slots;
        this.request = new SlotRequest(execution.cluster(), execution.clusterQueue(), execution.executionId(),
                execution.priority());
    }

    boolean table() {
        return table;
    }

    boolean holds() {
        return holds;
    }

    /** Carried over continue-as-new. */
    void restore(boolean held) {
        holds = held;
        granted = held;
    }

    /** The {@code slotGranted} signal: recorded, acted on by the waiting loop. */
    void granted() {
        granted = true;
    }

    /** A run resumed past admission (launched before Temporal forgot it) holds its slot again. */
    void adopt() {
        if (table) {
            slots.holdSlot(request);
        } else {
            admissionWorkflow.adoptSlot(request);
        }
        holds = true;
        granted = true;
    }

    /**
     * A CREATED execution's status changes and place in line, in one local activity: ACCEPTED, in
     * line, and STARTING when a slot was free ({@link #holds()} then). Tables only.
     */
    AdmitAnswer enter(String queuedReason, String grantedReason, String source) {
        AdmitAnswer answer = slots.admit(new AdmitRequest(request, queuedReason, grantedReason, source));
        asked = true;
        tell(answer.slot());
        granted = granted || answer.holds();
        holds = granted;
        return answer;
    }

    /**
     * Asks for a slot (unless {@link #enter} did) and waits for it, or until {@code stopped}; true
     * when it holds one. Runs {@code beforeWaiting} when the slot is not granted at once.
     */
    boolean await(BooleanSupplier stopped, Runnable beforeWaiting) {
        if (!asked && !stopped.getAsBoolean()) {
            if (table) {
                SlotAnswer answer = slots.acquireSlot(request);
                tell(answer);
                granted = granted || answer.holds();
            } else {
                // a signal, never a wait on the admission workflow: a local activity holds its workflow task's
                // slot, and a backlog of them waiting on the admission workflow's own task would starve it
                admissionWorkflow.requestSlot(request);
            }
        }
        // a grant by someone else's change comes by signal; the worker's sweep signals again a grant still
        // unheard (QueueSlotSweeper), so no timer here: a long wait adds nothing to this history
        if (!granted && !stopped.getAsBoolean()) {
            beforeWaiting.run();
        }
        Workflow.await(() -> granted || stopped.getAsBoolean());
        holds = granted;
        return granted;
    }

    /** Whether a status that ends the execution goes through {@link #depart}. */
    boolean departsWithEnd() {
        return departsWithEnd && !left;
    }

    /**
     * A status that ends the execution, with the slot given back in its transaction when the row
     * ends (by this change or an earlier one); a refused change that leaves it running keeps the slot.
     */
    TransitionResult depart(TransitionRequest transition, String reason) {
        SlotRelease release = new SlotRelease(request.cluster(), request.clusterQueue(), request.executionId(), reason);
        DepartAnswer answer = slots.depart(new DepartRequest(transition, release));
        if (answer.left()) {
            left = true;
            holds = false;
            tell(answer.slot());
        }
        return answer.transition();
    }

    /** Gives the slot back, or leaves the line; runs even when nothing was granted (idempotent). */
    void release(String reason) {
        if (left) {
            return;
        }
        SlotRelease release = new SlotRelease(request.cluster(), request.clusterQueue(), request.executionId(), reason);
        Workflow.newDetachedCancellationScope(() -> {
            if (table) {
                tell(slots.leaveQueue(release));
            } else {
                admissionWorkflow.releaseSlot(release);
            }
        }).run();
        holds = false;
    }

    /** Executions granted by this one's change wait for a signal: sent from an activity, with retries. */
    private void tell(SlotAnswer answer) {
        if (answer.grantedAny()) {
            slots.notifyGranted(answer.grantedOthers());
        }
    }
}
