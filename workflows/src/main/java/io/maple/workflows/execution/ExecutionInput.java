package io.maple.workflows.execution;

/**
 * What the workflow starts from: the execution id; everything else is loaded by an activity.
 * {@code carried} is the state handed over by continue-as-new (null on the first run).
 */
public record ExecutionInput(long executionId, ExecutionState carried) {

    public ExecutionInput(long executionId) {
        this(executionId, null);
    }
}
