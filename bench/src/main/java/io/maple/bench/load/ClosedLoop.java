package io.maple.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** N clients, each doing one operation after another for a fixed time: throughput and latency at that load. */
public final class ClosedLoop {

    /** One unit of work; returns normally when it succeeded. */
    public interface Operation {
        void run(String uniqueId) throws Exception;
    }

    /** One measured cell, with the CPU this JVM and the database spent while it ran. */
    public record Result(int clients, long operations, double seconds, Latencies latencies, CpuClock.Reading cpu) {

        public double perSecond() {
            return operations / seconds;
        }

        /** This JVM's CPU milliseconds per operation (server and client sides alike). */
        public double jvmCpuMillisPerOperation() {
            return cpu.jvmNanos() / 1e6 / operations;
        }

        /** The database's CPU milliseconds per operation; NaN when its process could not be read. */
        public double dbCpuMillisPerOperation() {
            return cpu.dbNanos() < 0 ? Double.NaN : cpu.dbNanos() / 1e6 / operations;
        }

        static Result merge(List<Result> parts) {
            long[] all = parts.stream().flatMapToLong(p -> Arrays.stream(p.latencies().sortedNanos())).toArray();
            CpuClock.Reading cpu = parts.stream().map(Result::cpu).reduce(CpuClock.Reading::plus).orElseThrow();
            return new Result(parts.get(0).clients(), all.length, parts.stream().mapToDouble(Result::seconds).sum(),
                    Latencies.of(all), cpu);
        }
    }

    /** Two operations measured at the same load, A and B alternating in {@code slices} short runs each. */
    public record Pair(Result a, Result b) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final String prefix;
    private final CpuClock cpu = CpuClock.find();

    public ClosedLoop(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Alternates A and B in slices, so that drift over the cell (a growing server backlog, a noisy
     * neighbour, JIT) falls on both alike instead of on whichever ran second.
     */
    public Pair alternate(int clients, Duration duration, int slices, Operation a, Operation b) throws Exception {
        Duration slice = duration.dividedBy(slices);
        List<Result> as = new ArrayList<>();
        List<Result> bs = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            as.add(run(clients, slice, a));
            bs.add(run(clients, slice, b));
        }
        return new Pair(Result.merge(as), Result.merge(bs));
    }

    public Result run(int clients, Duration duration, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    long[] latencies = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < deadline[0]) {
                        long t0 = System.nanoTime();
                        operation.run(prefix + "-" + sequence.incrementAndGet());
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = System.nanoTime() - t0;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            CpuClock.Reading cpuBefore = cpu.now();
            long began = System.nanoTime();
            deadline[0] = began + duration.toNanos();
            start.countDown();
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            CpuClock.Reading spent = cpu.now().since(cpuBefore);
            long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
            return new Result(clients, all.length, elapsed, Latencies.of(all), spent);
        } finally {
            pool.shutdownNow();
        }
    }
}
