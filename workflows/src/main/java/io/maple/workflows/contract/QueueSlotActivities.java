package io.maple.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * The launch slots of cluster queues, kept in MySQL and shared by every worker (version
 * {@code table-admission} of the execution workflow). Run as local activities: each call is one
 * transaction, idempotent, so a local activity that runs again changes nothing.
 */
@ActivityInterface
public interface QueueSlotActivities {

    /** Joins the queue (unless in it) and grants free slots in order; says whether this execution holds one. */
    @ActivityMethod
    SlotAnswer acquireSlot(SlotRequest request);

    /**
     * CREATED -> ACCEPTED, into the queue and, when a slot is free, STARTING, in one transaction
     * (version {@code one-step-admission}): one local activity and one commit where three were.
     */
    @ActivityMethod
    AdmitAnswer admit(AdmitRequest request);

    /**
     * A status that ends the execution and, when the row has ended, its way out of the queue (the
     * slot to the next waiters), in one transaction (version {@code one-step-end}).
     */
    @ActivityMethod
    DepartAnswer depart(DepartRequest request);

    /** Leaves the queue, holding or waiting, and grants the freed slot to the next waiters. */
    @ActivityMethod
    SlotAnswer leaveQueue(SlotRelease release);

    /** A resumed execution that was launched before holds its slot again, whatever the limit. */
    @ActivityMethod
    void holdSlot(SlotRequest request);

    /** Signals {@code slotGranted} to each execution granted a slot by someone else's change. */
    @ActivityMethod
    void notifyGranted(List<Long> executionIds);
}
