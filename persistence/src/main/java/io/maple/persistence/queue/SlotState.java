package io.maple.persistence.queue;

/** Where an execution stands in its cluster queue. */
public enum SlotState {
    /** In line for a launch slot. */
    WAITING,
    /** Holds one of the queue's launch slots until it releases it. */
    HOLDING
}
