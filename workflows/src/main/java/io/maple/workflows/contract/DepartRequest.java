package io.maple.workflows.contract;

/** A status that ends an execution, and the slot it gives back when the row ends with it. */
public record DepartRequest(TransitionRequest transition, SlotRelease release) {
}
