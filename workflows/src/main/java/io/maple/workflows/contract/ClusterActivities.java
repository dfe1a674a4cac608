package io.maple.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Cluster work, served on {@link TaskQueues#forCluster(String)} by workers that can reach the cluster. */
@ActivityInterface
public interface ClusterActivities {

    @ActivityMethod
    LaunchAppResult launch(LaunchAppRequest request);

    /** Returns once the phase differs from the known one; fails with NO_CHANGE (retried) otherwise. */
    @ActivityMethod
    ClusterObservation awaitChange(ObserveAppRequest request);

    @ActivityMethod
    ClusterObservation kill(KillAppRequest request);

    /**
     * Stops the application the way a cancel should: a FlinkDeployment is suspended
     * ({@code job.state: suspended}) and kept; where the cluster has no such stop it is a kill.
     */
    @ActivityMethod
    ClusterObservation cancel(CancelAppRequest request);
}
