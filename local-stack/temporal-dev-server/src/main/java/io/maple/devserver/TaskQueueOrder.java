package io.maple.devserver;

import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Makes the test server's task queues first-in, first-out within a priority, as Temporal's
 * matching service is.
 *
 * <p>The test server keeps each task queue's backlog in a {@code PriorityQueue} ordered by priority
 * key alone. A binary heap of equal keys is not FIFO: after a poll the last element added moves to
 * the root and stays there, so under a backlog the newest task is served next and the oldest wait
 * until the backlog is gone. On the benchmark's dispatch workload (50 executions a second) some
 * executions' first workflow task waited 24 s while later ones took 30 ms. This gives every task
 * queue, including the sticky queues created as workers come, a backlog with the server's own
 * priority order and arrival order after it.
 */
final class TaskQueueOrder {

    private static final String[] QUEUE_MAPS = {"workflowTaskQueues", "activityTaskQueues", "nexusTaskQueues"};

    private TaskQueueOrder() {
    }

    static void arrivalWithinPriority(Object server) {
        Object store = Internals.workflowStore(server);
        for (String name : QUEUE_MAPS) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> queues = (Map<Object, Object>) Internals.read(store, name);
            Queues fixed = new Queues();
            // the store only reads and writes these maps under its own lock, and none exists yet at start
            queues.forEach(fixed::put);
            Internals.write(store, name, fixed);
        }
    }

    /** The store's map of task queues: every queue it creates gets an arrival-ordered backlog. */
    private static final class Queues extends HashMap<Object, Object> {

        @Override
        public Object put(Object id, Object taskQueue) {
            Object backlog = Internals.read(taskQueue, "backlog");
            if (!(backlog instanceof ArrivalOrdered)) {
                @SuppressWarnings("unchecked")
                Comparator<Object> byPriority = ((PriorityQueue<Object>) backlog).comparator();
                Internals.write(taskQueue, "backlog", new ArrivalOrdered(byPriority));
            }
            return super.put(id, taskQueue);
        }
    }

    /**
     * The server's priority order, then arrival. The task queue calls only {@code add},
     * {@code isEmpty} and {@code poll}, under its own monitor.
     */
    private static final class ArrivalOrdered extends PriorityQueue<Object> {

        private final Map<Object, Long> arrivals;
        private long next;

        ArrivalOrdered(Comparator<Object> byPriority) {
            this(byPriority, new IdentityHashMap<>());
        }

        private ArrivalOrdered(Comparator<Object> byPriority, Map<Object, Long> arrivals) {
            super(byPriority.thenComparingLong(arrivals::get));
            this.arrivals = arrivals;
        }

        @Override
        public boolean offer(Object task) {
            arrivals.put(task, next++);
            return super.offer(task);
        }

        @Override
        public Object poll() {
            Object task = super.poll();
            if (task != null) {
                arrivals.remove(task);
            }
            return task;
        }
    }
}
