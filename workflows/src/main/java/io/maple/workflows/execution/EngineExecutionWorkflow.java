package io.maple.workflows.execution;

import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.EngineReport;
import io.maple.workflows.contract.SlotGrant;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
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

    /** The engine's own status report and heartbeat. */
    @SignalMethod
    void report(EngineReport report);

    /** Sent by the cluster queue's admission workflow when this execution may launch. */
    @SignalMethod
    void slotGranted(SlotGrant grant);

    /** Kills the cluster application (if any) and ends KILLED; returns the final status. */
    @UpdateMethod
    StopResult kill(StopRequest request);

    @UpdateValidatorMethod(updateName = "kill")
    void validateKill(StopRequest request);

    /** Ends CANCELED: without launching while queued, killing the application once launched. */
    @UpdateMethod
    StopResult cancel(StopRequest request);

    @UpdateValidatorMethod(updateName = "cancel")
    void validateCancel(StopRequest request);

    @QueryMethod
    ExecutionState state();
}
