package io.maple.activities.monitor.yarn;

import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.execution.EngineExecutionWorkflow;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import java.util.List;

/** A test stand-in for the execution workflow: the real {@code observe} signal, plus a query for what it heard. */
@WorkflowInterface
public interface RecordingWorkflow extends EngineExecutionWorkflow {

    @QueryMethod
    List<ClusterObservation> observations();
}
