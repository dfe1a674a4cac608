package io.maple.activities.support;

import io.maple.activities.launch.ClusterLauncher;
import io.maple.activities.launch.LaunchResult;
import io.maple.activities.launch.LaunchTarget;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A launcher whose first launch submits for real and then hangs, as a worker does that freezes (or
 * whose Temporal server vanishes) between submitting and reporting: the test decides what happens
 * meanwhile, then {@link #release()}s it, and it fails without ever reporting what it started.
 */
public final class FirstLaunchHangs extends ForwardingLauncher {

    private final AtomicInteger launches = new AtomicInteger();
    private final CountDownLatch submitted = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public FirstLaunchHangs(ClusterLauncher real) {
        super(real);
    }

    @Override
    public LaunchResult launch(LaunchTarget target) {
        LaunchResult result = real.launch(target);
        if (launches.incrementAndGet() > 1) {
            return result;
        }
        submitted.countDown();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("launcher froze after submitting " + result.appId());
    }

    /** Until the first launch has submitted; false when it did not within {@code timeout}. */
    public boolean awaitSubmitted(Duration timeout) throws InterruptedException {
        return submitted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void release() {
        released.countDown();
    }

    public int launches() {
        return launches.get();
    }
}
