package io.maple.bench;

import java.time.Duration;

/**
 * How big each workload is. {@code full} is the sizes (about 15 minutes on 2 cores),
 * with caps where a loaded machine would not finish;
 * {@code smoke} runs every workload small, so CI keeps the benchmark and its report working.
 */
public record BenchSizes(String profile, int[] submissionClients, Duration submissionCell, int[] dispatchRates,
                         Duration dispatchRun, int queuedExecutions, int openExecutions, int queueLimit,
                         Duration drainCap, int[] monitoredExecutions, int monitorIntervals, int shortJobs,
                         Duration streamingRun, int webhookDeliveries,
                         Duration slowReceiverDelay, long[] logSizes, int logReads,
                         int strandedExecutions, Duration strandedRun, int turnoverJobs, int turnoverLimit,
                         Duration turnoverJob, Burst burst) {

    /** The top-of-the-hour burst: {@code submissions} over {@code over} onto {@code queues} queues of {@code limit}. */
    public record Burst(int submissions, Duration over, int queues, int limit, Duration job) {
    }

    public static BenchSizes of(String profile) {
        return switch (profile) {
            case "full" -> new BenchSizes(profile, new int[] {1, 8, 32, 128}, Duration.ofSeconds(5),
                    new int[] {5, 10, 20, 30, 50}, Duration.ofSeconds(15), 10_000, 1_000, 10, Duration.ofSeconds(150),
                    new int[] {10, 100, 1_000, 10_000}, 10, 10, Duration.ofDays(30), 300,
                    Duration.ofMillis(200), new long[] {1L << 20, 64L << 20, 1L << 30}, 50, 1_000,
                    Duration.ofSeconds(30), 300, 10, Duration.ofSeconds(1),
                    new Burst(2_000, Duration.ofSeconds(10), 4, 50, Duration.ofSeconds(3)));
            case "smoke" -> new BenchSizes(profile, new int[] {1, 8, 32, 128}, Duration.ofSeconds(1),
                    new int[] {10, 50}, Duration.ofSeconds(1), 50, 50, 10, Duration.ofMinutes(1), new int[] {10, 100, 1_000}, 3, 2,
                    Duration.ofHours(12), 20, Duration.ofMillis(200),
                    new long[] {1L << 20, 128L << 20}, 20, 100,
                    Duration.ofSeconds(5), 30, 10, Duration.ofSeconds(1),
                    new Burst(200, Duration.ofSeconds(2), 4, 5, Duration.ofSeconds(1)));
            default -> throw new IllegalArgumentException("maple.bench.profile is smoke or full, not " + profile);
        };
    }
}
