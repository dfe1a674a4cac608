package io.maple.activities.launch.local;

import io.maple.activities.monitor.k8s.ObservationSender;
import io.maple.workflows.contract.ClusterObservation;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Tells an execution's workflow the moment its LOCAL process ends, so its slot goes to the next waiter
 * at once instead of at the workflow's next poll ({@code maple.workflow.local-poll-interval}). The
 * worker that launched (or adopted) the process watches it; the poll stays the fallback for processes
 * no live worker watches (a worker restarted meanwhile) and for a signal that did not get through.
 */
@Component
public class LocalExitWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LocalExitWatch.class);

    private final ObservationSender sender;
    // one thread: signals are short gRPC calls, and the process reaper's thread must not block on them
    private final ExecutorService signals = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "local-exit-signals");
        thread.setDaemon(true);
        return thread;
    });

    public LocalExitWatch(ObservationSender sender) {
        this.sender = sender;
    }

    /** When {@code process} ends, signals what {@code observe} then sees (its exit code by then written). */
    void watch(long executionId, ProcessHandle process, Supplier<ClusterObservation> observe) {
        process.onExit().thenRunAsync(() -> {
            try {
                sender.send(observe.get());
            } catch (RuntimeException e) {
                log.info("execution {}: its process ended, the signal did not get through (the poll will see it): {}",
                        executionId, e.toString());
            }
        }, signals);
    }

    @Override
    public void destroy() {
        signals.shutdown();
    }
}
