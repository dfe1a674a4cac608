package io.maple.activities.support;

import io.maple.activities.launch.ClusterLauncher;
import io.maple.activities.launch.LaunchResult;
import io.maple.activities.launch.LaunchTarget;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A launcher whose first launch submits for real and then dies before reporting (a worker that
 * crashes, or whose reply to Temporal is lost): the activity is retried, and the retry must find
 * and adopt what the first attempt started.
 */
public final class FirstLaunchReplyLost extends ForwardingLauncher {

    private final AtomicInteger launches = new AtomicInteger();

    public FirstLaunchReplyLost(ClusterLauncher real) {
        super(real);
    }

    @Override
    public LaunchResult launch(LaunchTarget target) {
        LaunchResult result = real.launch(target);
        if (launches.incrementAndGet() == 1) {
            throw new IllegalStateException("launcher died after submitting " + result.appId());
        }
        return result;
    }

    public int launches() {
        return launches.get();
    }
}
