package io.maple.bench.monitor;

import io.maple.activities.launch.yarn.YarnApp;
import io.maple.activities.launch.yarn.YarnTags;
import io.maple.activities.monitor.yarn.YarnPoller;
import io.maple.bench.BenchSizes;
import io.maple.bench.Workload;
import io.maple.bench.report.Comparison;
import io.maple.bench.report.LineChart;
import io.maple.bench.report.Section;
import io.maple.bench.report.Table;
import io.maple.workflows.contract.ClusterObservation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * Monitoring cost with N RUNNING executions on one YARN cluster: Maple's batched {@link YarnPoller}
 * beside per-execution polling (each execution asks the RM for its own app every interval, the
 * design of the seed and its peers), both on the same simulated RM in the same run.
 */
public final class MonitoringWorkload implements Workload {

    /** One in this many apps finishes each interval, so some observations change. */
    private static final int CHANGE_STEP = 100;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final BenchSizes sizes;
    private final Path reportDir;

    public MonitoringWorkload(BenchSizes sizes, Path reportDir) {
        this.sizes = sizes;
        this.reportDir = reportDir;
    }

    /** Per interval: RM calls, CPU of the polling thread, bytes it allocated, signals delivered. */
    record Cost(double rmCalls, double cpuMillis, double allocatedKb, double signals) {
    }

    /** One interval's work of a strategy on the simulated RM; returns the signals it sent. */
    private interface Strategy {
        long interval();
    }

    @Override
    public Section run() throws Exception {
        Section section = new Section("4. Monitoring cost",
                "N RUNNING executions on one YARN cluster, on a simulated ResourceManager (no network; each call "
                        + "copies its answer as deserializing would). Maple's `YarnPoller` (one `getApplications` "
                        + "by tags per cluster per interval, signals only on change) beside **per-execution polling** "
                        + "(every execution asks for its own app each interval: the design of the seed and its "
                        + "peers), " + sizes.monitorIntervals() + " intervals each, 1 app in " + CHANGE_STEP
                        + " finishing per interval. CPU is the polling thread's CPU time, heap the bytes it "
                        + "allocated (ThreadMXBean), both per interval.");
        Table detail = new Table("running executions", "strategy", "RM calls/interval", "CPU ms/interval",
                "allocated KB/interval", "signals/interval");
        LineChart cpu = new LineChart("Monitoring cost vs running executions", "RUNNING executions",
                "CPU ms per interval");
        LineChart calls = new LineChart("RM calls vs running executions", "RUNNING executions",
                "RM calls per interval");
        for (int n : sizes.monitoredExecutions()) {
            Cost batched = measure(batched(n));
            Cost perExecution = measure(perExecution(n));
            detail.row(n, "Maple YarnPoller", batched.rmCalls(), batched.cpuMillis(), batched.allocatedKb(),
                    batched.signals());
            detail.row(n, "per-execution polling", perExecution.rmCalls(), perExecution.cpuMillis(),
                    perExecution.allocatedKb(), perExecution.signals());
            cpu.point("Maple YarnPoller", n, Math.max(batched.cpuMillis(), 0.001))
                    .point("per-execution polling", n, Math.max(perExecution.cpuMillis(), 0.001));
            calls.point("Maple YarnPoller", n, batched.rmCalls()).point("per-execution polling", n,
                    perExecution.rmCalls());
            section.compare(new Comparison("RM calls/interval, " + n + " running", "calls", batched.rmCalls(),
                    perExecution.rmCalls(), "= 1 (clusters)", batched.rmCalls() == 1.0));
            if (batched.signals() != perExecution.signals()) {
                section.note("**At " + n + " executions the strategies sent different signals: " + batched.signals()
                        + " vs " + perExecution.signals() + ".**");
            }
        }
        int largest = sizes.monitoredExecutions()[sizes.monitoredExecutions().length - 1];
        return section.detail(detail)
                .chart(cpu.write(reportDir, "monitoring-cpu.png", true, true))
                .chart(calls.write(reportDir, "monitoring-rm-calls.png", true, true))
                .note("The simulated RM has no network, so per-execution polling's CPU leaves out what it multiplies "
                        + "by N in production: one RPC round trip, RM handler and protobuf framing per call ("
                        + largest + " calls per interval at " + largest + " executions, against 1).")
                .note("Both strategies send the same signals (one per changed observation); the poller also reads "
                        + "the watched executions from MySQL once per interval (not counted here).");
    }

    private Cost measure(Strategy strategy) {
        strategy.interval(); // first look at every app: not a steady interval
        int intervals = sizes.monitorIntervals();
        long cpu = 0;
        long allocated = 0;
        long signals = 0;
        long thread = Thread.currentThread().getId();
        long calls0 = rmCallsOf(strategy);
        for (int i = 0; i < intervals; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long a0 = THREADS.getThreadAllocatedBytes(thread);
            signals += strategy.interval();
            cpu += THREADS.getCurrentThreadCpuTime() - c0;
            allocated += THREADS.getThreadAllocatedBytes(thread) - a0;
        }
        double rmCalls = (rmCallsOf(strategy) - calls0) / (double) intervals;
        return new Cost(rmCalls, cpu / 1e6 / intervals, allocated / 1024.0 / intervals, signals / (double) intervals);
    }

    private static long rmCallsOf(Strategy s) {
        return s instanceof Measured m ? m.rm().calls() : 0;
    }

    /** A strategy over a simulated RM whose calls are counted. */
    private record Measured(SimulatedRm rm, Strategy body) implements Strategy {
        @Override
        public long interval() {
            return body.interval();
        }
    }

    private static Strategy batched(int n) {
        SimulatedRm rm = new SimulatedRm(n);
        List<Long> ids = LongStream.rangeClosed(1, n).boxed().toList();
        AtomicLong signals = new AtomicLong();
        YarnPoller poller = new YarnPoller("bench", rm, cluster -> ids, o -> {
            signals.incrementAndGet();
            return true;
        }, Duration.ofMinutes(10), Duration.ofMinutes(2), Clock.systemUTC(), new SimpleMeterRegistry());
        int[] interval = {0};
        return new Measured(rm, () -> {
            rm.advance(CHANGE_STEP, interval[0]++);
            long before = signals.get();
            poller.pollOnce();
            return signals.get() - before;
        });
    }

    /** Each execution asks the RM for its own app, and signals when its observation changed. */
    private static Strategy perExecution(int n) {
        SimulatedRm rm = new SimulatedRm(n);
        Map<Long, ClusterObservation> last = new HashMap<>();
        int[] interval = {0};
        return new Measured(rm, () -> {
            rm.advance(CHANGE_STEP, interval[0]++);
            long signals = 0;
            for (long id = 1; id <= n; id++) {
                List<YarnApp> apps = rm.applicationsTagged(Set.of(YarnTags.forExecution(id)));
                ClusterObservation o = apps.get(0).toObservation(id, System.currentTimeMillis());
                ClusterObservation before = last.get(id);
                if (before == null || before.phase() != o.phase() || !Objects.equals(before.rawState(), o.rawState())
                        || !Objects.equals(before.diagnostics(), o.diagnostics())) {
                    last.put(id, o);
                    signals++;
                }
            }
            return signals;
        });
    }
}
