package io.maple.workflows.contract;

/**
 * A CREATED execution asks to enter its cluster queue and, when a slot is free, to start: the
 * reasons and source are those of its ACCEPTED and STARTING history rows.
 */
public record AdmitRequest(SlotRequest slot, String queuedReason, String grantedReason, String source) {
}
