package io.maple.activities.launch;

import io.temporal.activity.ActivityExecutionContext;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Heartbeats a long blocking call (spark-submit, a kill that waits) from a side thread, so a
 * worker that dies mid-launch is noticed after the heartbeat timeout, not the start-to-close one.
 */
final class Heartbeats implements AutoCloseable {

    private static final long PERIOD_SECONDS = 5;

    private final ScheduledExecutorService timer;

    private Heartbeats(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static Heartbeats start(ActivityExecutionContext context) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "maple-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                context.heartbeat(null);
            } catch (RuntimeException e) {
                // cancellation or a lost server: the activity itself decides what to do
            }
        }, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
        return new Heartbeats(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
