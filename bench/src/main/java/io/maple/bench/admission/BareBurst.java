package io.maple.bench.admission;

import io.maple.bench.stack.Submitter;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusTransition;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The burst's bare path: the same insert and the same status writes (ACCEPTED, STARTING, RUNNING,
 * SUCCEED) through the same store, a limit per queue with priority then arrival order, and the job's
 * run time on a timer; kept in this JVM only, with no workflow, no durability and no cluster call.
 * The least any orchestrator of these jobs does.
 */
final class BareBurst {

    private final Submitter submitter;
    private final ExecutionStore store;
    private final String cluster;
    private final int limit;
    private final Duration job;
    private final ScheduledExecutorService timers;
    private final Map<String, Line> lines = new HashMap<>();
    private final AtomicLong arrivals = new AtomicLong();

    BareBurst(Submitter submitter, ExecutionStore store, String cluster, int limit, Duration job,
              ScheduledExecutorService timers) {
        this.submitter = submitter;
        this.store = store;
        this.cluster = cluster;
        this.limit = limit;
        this.job = job;
        this.timers = timers;
    }

    private record Waiter(int priority, long arrival, long id) {
    }

    /** One queue: who holds a slot, who waits. */
    private static final class Line {
        int holding;
        final PriorityQueue<Waiter> waiting = new PriorityQueue<>((a, b) -> a.priority() != b.priority()
                ? Integer.compare(a.priority(), b.priority()) : Long.compare(a.arrival(), b.arrival()));
    }

    long submit(String uniqueId, String queue, int priority) {
        long id = submitter.insert(uniqueId, cluster, queue, priority);
        write(id, ExecutionStatus.ACCEPTED, "queued");
        Line line;
        boolean now;
        synchronized (this) {
            line = lines.computeIfAbsent(queue, q -> new Line());
            now = line.holding < limit;
            if (now) {
                line.holding++;
            } else {
                line.waiting.add(new Waiter(priority, arrivals.incrementAndGet(), id));
            }
        }
        if (now) {
            start(id, line);
        }
        return id;
    }

    private void start(long id, Line line) {
        write(id, ExecutionStatus.STARTING, "slot granted");
        write(id, ExecutionStatus.RUNNING, "launched");
        timers.schedule(() -> end(id, line), job.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void end(long id, Line line) {
        write(id, ExecutionStatus.SUCCEED, "finished");
        Waiter next;
        synchronized (this) {
            next = line.waiting.poll();
            if (next == null) {
                line.holding--;
            }
        }
        if (next != null) {
            start(next.id(), line);
        }
    }

    private void write(long id, ExecutionStatus to, String reason) {
        store.transition(StatusTransition.to(id, to, reason, "bench-bare"));
    }
}
