package io.maple.workflows.execution;

/** A kill or cancel: who asked and why (kept as the history row's reason). */
public record StopRequest(String reason, String requestedBy) {
}
