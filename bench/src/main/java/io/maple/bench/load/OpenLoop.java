package io.maple.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Submissions at a steady rate, whatever the answers' latency (an open loop: a slow answer does
 * not slow the arrivals, as with many independent clients).
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    /** Calls {@code submit(i)} {@code rate} times a second for {@code duration}; returns what each returned. */
    public static List<Long> run(int rate, Duration duration, LongFunction<Long> submit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            long count = rate * duration.toSeconds();
            long periodNanos = 1_000_000_000L / rate;
            long began = System.nanoTime();
            List<Future<Long>> futures = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                long due = began + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long n = i;
                futures.add(pool.submit(() -> submit.apply(n)));
            }
            List<Long> out = new ArrayList<>();
            for (Future<Long> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
