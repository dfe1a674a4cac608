package io.maple.activities.support;

import io.maple.workflows.contract.EngineReport;
import io.maple.workflows.contract.SlotGrant;
import io.maple.workflows.execution.EngineExecutionWorkflow;
import io.maple.workflows.execution.ExecutionState;
import io.maple.workflows.execution.StopRequest;
import io.maple.workflows.execution.StopResult;

/**
 * Base of the stand-in execution workflows that observer tests (YARN poller, K8s informers) run on
 * Temporal's test server: only {@code run} and {@code observe} matter to them.
 */
public abstract class ObservationOnlyWorkflow implements EngineExecutionWorkflow {

    @Override
    public void report(EngineReport report) {
    }

    @Override
    public void slotGranted(SlotGrant grant) {
    }

    @Override
    public StopResult kill(StopRequest request) {
        throw new UnsupportedOperationException("not used by observer tests");
    }

    @Override
    public void validateKill(StopRequest request) {
    }

    @Override
    public StopResult cancel(StopRequest request) {
        throw new UnsupportedOperationException("not used by observer tests");
    }

    @Override
    public void validateCancel(StopRequest request) {
    }

    @Override
    public ExecutionState state() {
        return null;
    }
}
