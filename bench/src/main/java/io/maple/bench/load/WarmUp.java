package io.maple.bench.load;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Runs two operations in alternating slices until the JIT has settled: a fresh JVM compiles the
 * longer path (the api's HTTP, Spring and Jackson code) for a minute or more, and while it does the
 * C2 compiler takes a third to three quarters of a core from the figures being measured. A
 * long-running api is past that, so the cells measure after it.
 */
public final class WarmUp {

    /** Settled when the compilers used less than this share of one core over a round of slices. */
    private static final double SETTLED_COMPILE_SHARE = 0.05;

    /** How long it ran and the compilers' share of one core in its last round (both slices). */
    public record Outcome(Duration took, double lastCompileShare) {

        public boolean settled() {
            return lastCompileShare < SETTLED_COMPILE_SHARE;
        }
    }

    private WarmUp() {
    }

    /**
     * Alternates {@code a} and {@code b} at {@code clients} in slices of {@code slice} until one round
     * compiled less than 5% of a core, or {@code cap} has passed.
     */
    public static Outcome run(ClosedLoop loop, int clients, Duration slice, Duration cap, ClosedLoop.Operation a,
                              ClosedLoop.Operation b) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long began = System.nanoTime();
        double share = Double.NaN;
        while (System.nanoTime() - began < cap.toNanos()) {
            long compiledBefore = jit.getTotalCompilationTime();
            long roundBegan = System.nanoTime();
            loop.run(clients, slice, a);
            loop.run(clients, slice, b);
            double roundMillis = (System.nanoTime() - roundBegan) / 1e6;
            share = (jit.getTotalCompilationTime() - compiledBefore) / roundMillis;
            if (share < SETTLED_COMPILE_SHARE) {
                break;
            }
        }
        return new Outcome(Duration.ofNanos(System.nanoTime() - began), share);
    }
}
