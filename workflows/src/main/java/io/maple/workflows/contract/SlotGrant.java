package io.maple.workflows.contract;

/** The admission workflow's answer: the execution may launch now. */
public record SlotGrant(String admissionWorkflowId, long sequence) {
}
