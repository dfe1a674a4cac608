package io.maple.activities.support;

import io.maple.activities.launch.AppRef;
import io.maple.activities.launch.ClusterLauncher;
import io.maple.activities.launch.LaunchResult;
import io.maple.activities.launch.LaunchTarget;
import io.maple.domain.ClusterCategory;
import io.maple.workflows.contract.ClusterObservation;

/** A real launcher with one behaviour a test changes (a lost reply, a dying worker); the rest goes to it. */
public abstract class ForwardingLauncher implements ClusterLauncher {

    protected final ClusterLauncher real;

    protected ForwardingLauncher(ClusterLauncher real) {
        this.real = real;
    }

    @Override
    public ClusterCategory category() {
        return real.category();
    }

    @Override
    public LaunchResult launch(LaunchTarget target) {
        return real.launch(target);
    }

    @Override
    public ClusterObservation observe(AppRef ref) {
        return real.observe(ref);
    }

    @Override
    public ClusterObservation kill(AppRef ref) {
        return real.kill(ref);
    }

    @Override
    public ClusterObservation cancel(AppRef ref) {
        return real.cancel(ref);
    }
}
