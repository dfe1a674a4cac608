package io.maple.activities.launch;

import io.maple.domain.ClusterCategory;
import io.maple.workflows.contract.ClusterObservation;

/**
 * Launches, observes and kills cluster applications of one cluster category. Every method is
 * idempotent and finds the application by the execution's tag or label, never by an id held in
 * memory, so a retried call after a crash adopts what an earlier attempt started.
 */
public interface ClusterLauncher {

    ClusterCategory category();

    /** Submits the application unless one tagged with the execution id already exists; then adopts it. */
    LaunchResult launch(LaunchTarget target);

    /** Asks the cluster directly (the fallback when pollers and informers have been silent). */
    ClusterObservation observe(AppRef ref);

    /** Kills every application carrying the execution's tag and returns once the cluster confirms it. */
    ClusterObservation kill(AppRef ref);

    /** Cancels the application; a cluster without a gentler stop than kill just kills it. */
    default ClusterObservation cancel(AppRef ref) {
        return kill(ref);
    }
}
