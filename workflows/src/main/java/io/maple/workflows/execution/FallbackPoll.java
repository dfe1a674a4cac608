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
import java.time.Duration;

/**
 * The fallback observer, for when the cluster's observers are silent: one activity whose retries
 * are the poll loop (it fails until the phase differs from the known one), so polling adds no
 * history. It is restarted only when the known phase changes. Since version {@code deferred-poll} the
 * first one starts a poll interval after the launch, not with it.
 */
final class FallbackPoll {

    private CancellationScope scope;
    private Promise<ClusterObservation> poll;
    /** Workflow time before which no poll starts (0: at once). */
    private long notBefore;

    /**
     * No poll before {@code millis}: a job's observers (informers, the YARN poller, a LOCAL process's
     * exit) usually report first, and a job that ends before it never costs a poll.
     */
    void deferUntil(long millis) {
        notBefore = millis;
    }

    /** How long until a poll may start, or null when none is deferred (or one is under way). */
    Duration deferral(long now) {
        return poll == null && now < notBefore ? Duration.ofMillis(notBefore - now) : null;
    }

    /** Starts a poll from {@code knownPhase}, unless one is under way or deferred. */
    void ensure(ExecutionSnapshot execution, String appId, ClusterPhase knownPhase) {
        if (poll != null || Workflow.currentTimeMillis() < notBefore) {
            return;
        }
        ObserveAppRequest request = new ObserveAppRequest(execution.executionId(), execution.cluster(), appId,
                knownPhase);
        ClusterActivities poller = ExecutionStubs.poller(execution);
        scope = Workflow.newCancellationScope(() -> poll = Async.function(poller::awaitChange, request));
        scope.run();
    }

    /** Whether a poll has answered (an observation, or its give-up) and waits to be taken. */
    boolean answered() {
        return poll != null && poll.isCompleted();
    }

    /** The poll under way, or null (none yet, or deferred). */
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
