package io.maple.devserver;

import java.util.LinkedList;

/**
 * Stops Temporal's Java test server from recording its time-lock events.
 *
 * <p>Its self-advancing timer appends a lock and an unlock event to a {@code LinkedList} for every
 * workflow task, activity task and timer it handles, and never drops them; each update then removes
 * its own lock event by scanning that list from the head, under the server's global lock. The cost
 * of every call thus grows with everything the server has ever done: on the benchmark's dispatch
 * workload it was the server's largest CPU consumer (15% of all samples, in
 * {@code LinkedList.remove}) and it serialised every other call behind it. The list serves only a
 * diagnostic dump, so this replaces it with one that keeps nothing. Lock counting, which decides
 * when time may skip, is a separate counter and is untouched.
 */
final class TimeLockEvents {

    private TimeLockEvents() {
    }

    static void forget(Object server) {
        Internals.write(Internals.timer(server), "lockEvents", new Unrecorded());
    }

    /**
     * How many events the server's timer holds: 0 once {@link #forget} applied, else it only grows.
     * Read it while the server is idle (the list is guarded by the timer's own lock).
     */
    static int recorded(Object server) {
        return ((LinkedList<?>) Internals.read(Internals.timer(server), "lockEvents")).size();
    }

    /**
     * The events list as the timer uses it: {@code add} after each lock or unlock, {@code remove}
     * of a handle's own lock event (false there means "unbalanced", so every remove succeeds).
     */
    private static final class Unrecorded extends LinkedList<Object> {

        @Override
        public boolean add(Object event) {
            return true;
        }

        @Override
        public boolean remove(Object event) {
            return true;
        }
    }
}
