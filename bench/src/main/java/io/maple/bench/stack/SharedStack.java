package io.maple.bench.stack;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The one {@link MapleStack} of a run, started when a workload first needs it (its contexts take
 * a while to start on a busy machine) with the bench cluster registered, and closed at the end.
 */
public final class SharedStack implements Supplier<MapleStack>, AutoCloseable {

    private final Map<String, String> workerProperties;
    private MapleStack stack;

    public SharedStack(Map<String, String> workerProperties) {
        this.workerProperties = Map.copyOf(workerProperties);
    }

    @Override
    public synchronized MapleStack get() {
        if (stack == null) {
            stack = MapleStack.start(workerProperties);
            new Submitter(stack).registerCluster();
        }
        return stack;
    }

    @Override
    public synchronized void close() {
        if (stack != null) {
            stack.close();
        }
    }
}
