package io.maple.activities.monitor.k8s;

import io.maple.activities.support.ObservationOnlyWorkflow;
import io.maple.domain.ExecutionStatus;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.execution.ExecutionInput;
import io.maple.workflows.execution.ExecutionOutcome;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the real execution workflow (same interface, same signal): it records the
 * phases it is signalled and ends at the first terminal one, returning them as the reason.
 */
public class RecordingExecutionWorkflow extends ObservationOnlyWorkflow {

    private final List<String> phases = new ArrayList<>();
    private ClusterObservation last;

    @Override
    public ExecutionOutcome run(ExecutionInput input) {
        Workflow.await(() -> last != null && last.phase().isFinal());
        ExecutionStatus status = switch (last.phase()) {
            case SUCCEEDED -> ExecutionStatus.SUCCEED;
            case KILLED -> ExecutionStatus.KILLED;
            case CANCELED -> ExecutionStatus.CANCELED;
            case START_FAILED -> ExecutionStatus.START_FAILED;
            default -> ExecutionStatus.FAILED;
        };
        return new ExecutionOutcome(input.executionId(), status, String.join(",", phases));
    }

    @Override
    public void observe(ClusterObservation observation) {
        phases.add(observation.phase().name());
        last = observation;
    }
}
