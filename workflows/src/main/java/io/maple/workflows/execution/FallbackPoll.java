package io.maple.workflows.execution;

import io.maple.workflows.contract.ClusterActivities;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import io.maple.workflows.contract.ExecutionSnapshot;
import io.maple.workflows.contract.ObserveAppRequest;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;

/**
 * The fallback observer, for when the cluster's observers are silent: one activity whose retries
 * are the poll loop (it fails until the phase differs from the known one), so polling adds no
 * history. It is restarted only when the known phase changes.
 */
final class FallbackPoll {

    private CancellationScope scope;
    private Promise<ClusterObservation> poll;

    /** Starts a poll from {@code knownPhase}, unless one is under way. */
    void ensure(ExecutionSnapshot execution, String appId, ClusterPhase knownPhase) {
        if (poll != null) {
            return;
        }
        ObserveAppRequest request = new ObserveAppRequest(execution.executionId(), execution.cluster(), appId,
                knownPhase);
        ClusterActivities poller = ExecutionStubs.poller(execution);
        scope = Workflow.newCancellationScope(() -> poll = Async.function(poller::awaitChange, request));
        scope.run();
    }

    /** The poll under way, or null. */
    Promise<ClusterObservation> current() {
        return poll;
    }

    /** Its answer was taken: the next round starts a new one. */
    void forget() {
        poll = null;
    }

    void cancel() {
        if (poll != null && !poll.isCompleted()) {
            scope.cancel();
        }
        poll = null;
    }
}
