package io.maple.workflows.execution;

import io.maple.workflows.contract.ClusterObservation;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One engine execution, from CREATED to its terminal status. Its id is
 * {@link io.maple.workflows.contract.WorkflowIds#forExecution(long)}.
 */
@WorkflowInterface
public interface EngineExecutionWorkflow {

    @WorkflowMethod
    ExecutionOutcome run(ExecutionInput input);

    /** A cluster observation from the YARN poller, a K8s informer or a direct check. */
    @SignalMethod
    void observe(ClusterObservation observation);
}
