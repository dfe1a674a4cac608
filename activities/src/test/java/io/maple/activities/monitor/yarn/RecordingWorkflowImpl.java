package io.maple.activities.monitor.yarn;

import io.maple.activities.support.ObservationOnlyWorkflow;
import io.maple.domain.ExecutionStatus;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import io.maple.workflows.execution.ExecutionInput;
import io.maple.workflows.execution.ExecutionOutcome;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/** Records every observe signal and ends on a final (or NOT_FOUND) observation. */
public class RecordingWorkflowImpl extends ObservationOnlyWorkflow implements RecordingWorkflow {

    private final List<ClusterObservation> seen = new ArrayList<>();

    @Override
    public ExecutionOutcome run(ExecutionInput input) {
        Workflow.await(() -> !seen.isEmpty() && ended(seen.get(seen.size() - 1)));
        // stay open so that any signal sent after the end would be recorded (and fail the test)
        Workflow.await(() -> false);
        return new ExecutionOutcome(input.executionId(), ExecutionStatus.SUCCEED, null);
    }

    private static boolean ended(ClusterObservation o) {
        return o.phase().isFinal() || o.phase() == ClusterPhase.NOT_FOUND;
    }

    @Override
    public void observe(ClusterObservation observation) {
        seen.add(observation);
    }

    @Override
    public List<ClusterObservation> observations() {
        return List.copyOf(seen);
    }
}
