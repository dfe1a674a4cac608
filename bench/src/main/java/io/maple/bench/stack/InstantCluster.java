package io.maple.bench.stack;

import io.maple.activities.monitor.k8s.ObservationSender;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cluster that launches instantly, so the benchmarks measure Maple and not a cluster: launch
 * answers RUNNING at once, and the job succeeds once it has run for its queue's duration. Time is
 * the Temporal server's (the activity's scheduled time), so it also holds under time skipping.
 * Served on the bench cluster's task queue in place of the real cluster activities.
 */
public class InstantCluster implements ClusterActivities {

    private final ExecutionStore executions;
    private final InstantClusterProperties properties;
    private final ObservationSender sender;
    private final ScheduledExecutorService ends;
    /** When each running job ends, server time; filled at launch so a poll costs no query. */
    private final Map<Long, Long> endsAt = new ConcurrentHashMap<>();
    /** Launch calls per execution: a second one would be a duplicate launch on a real cluster. */
    private final Map<Long, AtomicInteger> launches = new ConcurrentHashMap<>();

    public InstantCluster(ExecutionStore executions, InstantClusterProperties properties, ObservationSender sender,
                          ScheduledExecutorService ends) {
        this.executions = executions;
        this.properties = properties;
        this.sender = sender;
        this.ends = ends;
    }

    @Override
    public LaunchAppResult launch(LaunchAppRequest request) {
        long now = serverTime();
        long id = request.executionId();
        launches.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        String queue = executions.require(id).clusterQueue();
        Duration runTime = properties.durationOf(queue);
        if (endsAt.putIfAbsent(id, now + runTime.toMillis()) == null && properties.pushes(queue)) {
            ends.schedule(() -> pushEnd(id), runTime.toMillis(), TimeUnit.MILLISECONDS);
        }
        return new LaunchAppResult(appId(id), false, observation(id, ClusterPhase.RUNNING, "RUNNING", now));
    }

    /** Executions whose launch was called more than once. */
    public long launchedMoreThanOnce(java.util.Collection<Long> ids) {
        return ids.stream().filter(id -> launches.containsKey(id) && launches.get(id).get() > 1).count();
    }

    private void pushEnd(long id) {
        if (endsAt.remove(id) == null) {
            return; // killed, or its poll saw the end first
        }
        try {
            sender.send(observation(id, ClusterPhase.SUCCEEDED, "FINISHED", System.currentTimeMillis()));
        } catch (RuntimeException e) {
            endsAt.putIfAbsent(id, 0L); // the poll finds it ended
        }
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
