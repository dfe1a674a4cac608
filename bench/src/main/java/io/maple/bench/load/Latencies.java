package io.maple.bench.load;

import java.util.Arrays;

/** Percentiles of measured durations (nanoseconds in, milliseconds out). */
public record Latencies(long[] sortedNanos) {

    public static Latencies of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    public int count() {
        return sortedNanos.length;
    }

    /** Nearest-rank percentile in milliseconds; NaN when nothing was measured. */
    public double millis(double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    public double p50() {
        return millis(0.50);
    }

    public double p99() {
        return millis(0.99);
    }
}
