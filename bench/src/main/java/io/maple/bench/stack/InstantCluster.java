package io.maple.bench.stack;

import io.maple.persistence.execution.ExecutionStore;
import io.maple.workflows.contract.CancelAppRequest;
import io.maple.workflows.contract.ClusterActivities;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import io.maple.workflows.contract.ErrorTypes;
import io.maple.workflows.contract.KillAppRequest;
import io.maple.workflows.contract.LaunchAppRequest;
import io.maple.workflows.contract.LaunchAppResult;
import io.maple.workflows.contract.ObserveAppRequest;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cluster that launches instantly, so the benchmarks measure Maple and not a cluster: launch
 * answers RUNNING at once, and the job succeeds once it has run for its queue's duration. Time is
 * the Temporal server's (the activity's scheduled time), so it also holds under time skipping.
 * Served on the bench cluster's task queue in place of the real cluster activities.
 */
public class InstantCluster implements ClusterActivities {

    private final ExecutionStore executions;
    private final InstantClusterProperties properties;
    /** When each running job ends, server time; filled at launch so a poll costs no query. */
    private final Map<Long, Long> endsAt = new ConcurrentHashMap<>();

    public InstantCluster(ExecutionStore executions, InstantClusterProperties properties) {
        this.executions = executions;
        this.properties = properties;
    }

    @Override
    public LaunchAppResult launch(LaunchAppRequest request) {
        long now = serverTime();
        endsAt.putIfAbsent(request.executionId(), now + runTime(request.executionId()).toMillis());
        return new LaunchAppResult(appId(request.executionId()), false,
                observation(request.executionId(), ClusterPhase.RUNNING, "RUNNING", now));
    }

    @Override
    public ClusterObservation awaitChange(ObserveAppRequest request) {
        long now = serverTime();
        long end = endsAt.computeIfAbsent(request.executionId(), id -> now + runTime(id).toMillis());
        if (now < end) {
            // as the real poll does: the retry policy is the poll loop, so waiting adds no history
            throw ApplicationFailure.newFailure("still RUNNING", ErrorTypes.NO_CHANGE.name());
        }
        endsAt.remove(request.executionId());
        return observation(request.executionId(), ClusterPhase.SUCCEEDED, "FINISHED", now);
    }

    @Override
    public ClusterObservation kill(KillAppRequest request) {
        endsAt.remove(request.executionId());
        return observation(request.executionId(), ClusterPhase.KILLED, "KILLED", serverTime());
    }

    @Override
    public ClusterObservation cancel(CancelAppRequest request) {
        endsAt.remove(request.executionId());
        return observation(request.executionId(), ClusterPhase.CANCELED, "CANCELED", serverTime());
    }

    private Duration runTime(long executionId) {
        return properties.durationOf(executions.require(executionId).clusterQueue());
    }

    private static long serverTime() {
        return Activity.getExecutionContext().getInfo().getCurrentAttemptScheduledTimestamp();
    }

    private static String appId(long executionId) {
        return "instant-" + executionId;
    }

    private static ClusterObservation observation(long id, ClusterPhase phase, String raw, long at) {
        return new ClusterObservation(id, appId(id), phase, raw, phase == ClusterPhase.SUCCEEDED ? "SUCCEEDED" : null,
                null, null, null, null, Map.of(), at);
    }
}
