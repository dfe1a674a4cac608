package io.maple.activities.launch;

import io.maple.domain.ClusterCategory;
import io.maple.engine.spi.LaunchSpec;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.workflows.contract.CancelAppRequest;
import io.maple.workflows.contract.ClusterActivities;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ErrorTypes;
import io.maple.workflows.contract.KillAppRequest;
import io.maple.workflows.contract.LaunchAppRequest;
import io.maple.workflows.contract.LaunchAppResult;
import io.maple.workflows.contract.ObserveAppRequest;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * Launch, observe and kill for any cluster: picks the {@link ClusterLauncher} of the cluster's
 * category. Registered on every {@code maple-cluster-<name>} queue this worker serves.
 */
@Component
public class ClusterActivitiesImpl implements ClusterActivities {

    private final Map<ClusterCategory, ClusterLauncher> launchers = new EnumMap<>(ClusterCategory.class);
    private final LaunchSpecSource specs;
    private final ExecutionStore executions;
    private final ClusterMapper clusters;
    private final EngineReportAccess reportAccess;

    public ClusterActivitiesImpl(List<ClusterLauncher> launchers, LaunchSpecSource specs, ExecutionStore executions,
                                 ClusterMapper clusters, EngineReportAccess reportAccess) {
        for (ClusterLauncher l : launchers) {
            this.launchers.put(l.category(), l);
        }
        this.specs = specs;
        this.executions = executions;
        this.clusters = clusters;
        this.reportAccess = reportAccess;
    }

    @Override
    public LaunchAppResult launch(LaunchAppRequest request) {
        ExecutionRecord execution = executions.require(request.executionId());
        ClusterRecord cluster = cluster(request.cluster());
        try (Heartbeats ignored = Heartbeats.start(Activity.getExecutionContext())) {
            LaunchSpec spec = specs.specFor(execution, cluster);
            // derived here, not in the workflow: the token must never be part of a Temporal payload
            LaunchResult result = launcherFor(cluster).launch(new LaunchTarget(execution, cluster, spec,
                    reportAccess.environment(execution.id())));
            return new LaunchAppResult(result.appId(), result.adopted(), result.observation());
        } catch (LaunchFailedException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), ErrorTypes.LAUNCH_FAILED.name(),
                    e);
        }
    }

    @Override
    public ClusterObservation awaitChange(ObserveAppRequest request) {
        ClusterRecord cluster = cluster(request.cluster());
        ClusterObservation seen = launcherFor(cluster).observe(
                new AppRef(request.executionId(), cluster, request.appId(), null));
        if (seen.phase() == request.knownPhase()) {
            // retried after the poll interval by the activity's retry policy: no history per poll
            throw ApplicationFailure.newFailure("still " + seen.phase(), ErrorTypes.NO_CHANGE.name());
        }
        return seen;
    }

    @Override
    public ClusterObservation kill(KillAppRequest request) {
        return stop(request.cluster(), request.executionId(), request.appId(), ClusterLauncher::kill);
    }

    @Override
    public ClusterObservation cancel(CancelAppRequest request) {
        return stop(request.cluster(), request.executionId(), request.appId(), ClusterLauncher::cancel);
    }

    private ClusterObservation stop(String clusterName, long executionId, String appId,
                                    BiFunction<ClusterLauncher, AppRef, ClusterObservation> how) {
        ClusterRecord cluster = cluster(clusterName);
        try (Heartbeats ignored = Heartbeats.start(Activity.getExecutionContext())) {
            return how.apply(launcherFor(cluster), new AppRef(executionId, cluster, appId, null));
        }
    }

    private ClusterRecord cluster(String name) {
        ClusterRecord cluster = clusters.findClusterByName(name);
        if (cluster == null) {
            throw ApplicationFailure.newNonRetryableFailure("unknown cluster " + name, ErrorTypes.LAUNCH_FAILED.name());
        }
        return cluster;
    }

    private ClusterLauncher launcherFor(ClusterRecord cluster) {
        ClusterLauncher launcher = launchers.get(cluster.category());
        if (launcher == null) {
            throw ApplicationFailure.newNonRetryableFailure("no launcher for " + cluster.category() + " on this worker",
                    ErrorTypes.LAUNCH_FAILED.name());
        }
        return launcher;
    }
}
