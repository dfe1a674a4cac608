package io.maple.bench.load;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Runs operations in alternating slices until the JIT has settled: a fresh JVM compiles the
 * longer path (the api's HTTP, Spring and Jackson code) for a minute or more, and while it does the
 * C2 compiler takes a third to three quarters of a core from the figures being measured. A
 * long-running api is past that, so the cells measure after it.
 */
public final class WarmUp {

    /** Settled when the compilers used less than this share of one core over a round of slices. */
    private static final double SETTLED_COMPILE_SHARE = 0.05;

    /** How long it ran and the compilers' share of one core in its last round (a slice of each). */
    public record Outcome(Duration took, double lastCompileShare) {

        public boolean settled() {
            return lastCompileShare < SETTLED_COMPILE_SHARE;
        }
    }

    private WarmUp() {
    }

    /** One round of warm-up work: a slice of each path. */
    @FunctionalInterface
    public interface Round {
        void run() throws Exception;
    }

    /**
     * Runs the operations in turn at {@code clients}, a slice of {@code slice} each, until one round
     * compiled less than 5% of a core, or {@code cap} has passed.
     */
    public static Outcome run(ClosedLoop loop, int clients, Duration slice, Duration cap,
                              ClosedLoop.Operation... operations) throws Exception {
        return untilSettled(cap, () -> {
            for (ClosedLoop.Operation operation : operations) {
                loop.run(clients, slice, operation);
            }
        });
    }

    /** Repeats {@code round} until one compiled less than 5% of a core, or {@code cap} has passed. */
    public static Outcome untilSettled(Duration cap, Round round) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long began = System.nanoTime();
        double share = Double.NaN;
        while (System.nanoTime() - began < cap.toNanos()) {
            long compiledBefore = jit.getTotalCompilationTime();
            long roundBegan = System.nanoTime();
            round.run();
            double roundMillis = (System.nanoTime() - roundBegan) / 1e6;
            share = (jit.getTotalCompilationTime() - compiledBefore) / roundMillis;
            if (share < SETTLED_COMPILE_SHARE) {
                break;
            }
        }
        return new Outcome(Duration.ofNanos(System.nanoTime() - began), share);
    }
}
