package io.maple.bench.dispatch;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The dispatch baseline: a workflow that brings an execution to STARTING with no admission, no
 * load, no search attributes, no webhooks; the least Temporal and MySQL work that can do it.
 */
@WorkflowInterface
public interface BareDispatchWorkflow {

    @WorkflowMethod
    void run(long executionId);
}
