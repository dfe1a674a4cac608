package io.maple.workflows.execution;

/** What the workflow starts from: the execution id; everything else is loaded by an activity. */
public record ExecutionInput(long executionId) {
}
