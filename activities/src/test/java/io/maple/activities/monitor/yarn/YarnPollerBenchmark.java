package io.maple.activities.monitor.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.activities.launch.yarn.ApplicationsSource;
import io.maple.activities.launch.yarn.YarnApp;
import io.maple.activities.launch.yarn.YarnTags;
import io.maple.workflows.contract.ClusterObservation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import io.maple.activities.launch.yarn.MiniYarn;
import io.maple.activities.launch.yarn.YarnClientApplicationsSource;
import io.maple.activities.launch.yarn.YarnClients;
import io.maple.activities.launch.yarn.YarnTestSupport;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Batched polling vs per-application polling with N running apps (up to 10,000), on a simulated RM
 * (a minicluster cannot hold 10,000 apps). Excluded from normal runs (*Benchmark*); run with
 * {@code ./mvnw -o test -pl activities -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=YarnPollerBenchmark}.
 *
 * <p>Both strategies do the same work per app (tag lookup, copy of the report as an RPC would
 * deserialize it, mapping, change detection); what differs is the number of RM calls: one per
 * interval for the poller, N for per-application polling. The simulated RM has no network, so the
 * CPU figures leave out per-call RPC cost (round trip, RM handler, protobuf framing), which is what
 * per-application polling multiplies by N. That cost is measured in the same run against the real
 * in-process RM ({@link #realRmCallCost()}): one {@code getApplications} by tag, and one carrying
 * 10,000 tags as the poller's call would.
 */
@ExtendWith(MiniYarn.class)
class YarnPollerBenchmark {

    /** An RM holding N apps, indexed by tag; every call copies what it returns, as deserializing would. */
    static final class SimulatedRm implements ApplicationsSource {
        final Map<String, YarnApp> byTag = new HashMap<>();
        final AtomicLong calls = new AtomicLong();

        SimulatedRm(int n) {
            long start = System.currentTimeMillis() - 60_000;
            for (long id = 1; id <= n; id++) {
                String tag = YarnTags.forExecution(id);
                byTag.put(tag, new YarnApp("application_1700000000000_" + id, Set.of(tag),
                        YarnApplicationState.RUNNING, FinalApplicationStatus.UNDEFINED, "",
                        "http://rm:8088/proxy/application_1700000000000_" + id + "/", 1024, 2, start, 0,
                        "root.default", "SPARK"));
            }
        }

        /** Moves every {@code step}-th app to its next state, so some observations change each interval. */
        void advance(int step, int interval) {
            byTag.replaceAll((tag, a) -> YarnTags.executionIdOf(tag).getAsLong() % step == interval % step
                    ? new YarnApp(a.appId(), a.tags(), YarnApplicationState.FINISHED, FinalApplicationStatus.SUCCEEDED,
                    "done", a.trackingUrl(), 0, 0, a.startTimeMillis(), System.currentTimeMillis(), a.queue(), a.type())
                    : a);
        }

        @Override
        public List<YarnApp> applicationsTagged(Set<String> tags) {
            calls.incrementAndGet();
            List<YarnApp> out = new ArrayList<>(tags.size());
            for (String tag : tags) {
                YarnApp a = byTag.get(tag);
                if (a != null) {
                    out.add(new YarnApp(a.appId(), Set.copyOf(a.tags()), a.state(), a.finalStatus(), a.diagnostics(),
                            a.trackingUrl(), a.memoryMb(), a.vcores(), a.startTimeMillis(), a.finishTimeMillis(),
                            a.queue(), a.type()));
                }
            }
            return out;
        }

        @Override
        public void kill(String appId, String diagnostics) {
        }
    }

    record Figures(long rmCallsPerInterval, double cpuMillisPerInterval, long signals) {
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int INTERVALS = 5;

    @Test
    void batchedVersusPerApplication() {
        System.out.printf("%n%8s | %-22s | %12s | %14s | %8s%n", "N", "strategy", "RM calls/int", "CPU ms/int", "signals");
        for (int n : new int[] {100, 1_000, 10_000}) {
            Figures batched = batched(n);
            Figures perApp = perApplication(n);
            System.out.printf("%8d | %-22s | %12d | %14.2f | %8d%n", n, "batched (YarnPoller)",
                    batched.rmCallsPerInterval(), batched.cpuMillisPerInterval(), batched.signals());
            System.out.printf("%8d | %-22s | %12d | %14.2f | %8d%n", n, "per-application",
                    perApp.rmCallsPerInterval(), perApp.cpuMillisPerInterval(), perApp.signals());
            assertThat(batched.rmCallsPerInterval()).isEqualTo(1);
            assertThat(perApp.rmCallsPerInterval()).isEqualTo(n);
            assertThat(batched.signals()).isEqualTo(perApp.signals());
        }
    }

    @Test
    void realRmCallCost() {
        YarnClients clients = new YarnClients();
        try {
            YarnClientApplicationsSource rm = new YarnClientApplicationsSource(clients, YarnTestSupport.cluster());
            for (int i = 0; i < 50; i++) {
                rm.applicationsTagged(Set.of(YarnTags.forExecution(i))); // warm-up
            }
            int calls = 500;
            long wall0 = System.nanoTime();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                rm.applicationsTagged(Set.of(YarnTags.forExecution(i)));
            }
            double wallPerCall = (System.nanoTime() - wall0) / 1e6 / calls;
            double cpuPerCall = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e6 / calls;
            Set<String> tags = new HashSet<>();
            for (long id = 1; id <= 10_000; id++) {
                tags.add(YarnTags.forExecution(id));
            }
            rm.applicationsTagged(tags);
            long wallB = System.nanoTime();
            long cpuB = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < 10; i++) {
                rm.applicationsTagged(tags);
            }
            double wallBatched = (System.nanoTime() - wallB) / 1e6 / 10;
            double cpuBatched = (CPU.getCurrentThreadCpuTime() - cpuB) / 1e6 / 10;
            System.out.printf("%nreal in-process RM (MiniYARNCluster, client side):%n"
                    + "  getApplications(1 tag):       %.3f ms wall, %.3f ms client CPU per call"
                    + " -> per-application polling of 10,000 apps = %.0f ms wall, %.0f ms CPU per interval%n"
                    + "  getApplications(10,000 tags): %.3f ms wall, %.3f ms client CPU per call (the poller's one call)%n",
                    wallPerCall, cpuPerCall, wallPerCall * 10_000, cpuPerCall * 10_000, wallBatched, cpuBatched);
            assertThat(wallBatched).isLessThan(wallPerCall * 10_000);
        } finally {
            clients.destroy();
        }
    }

    private static Figures batched(int n) {
        SimulatedRm rm = new SimulatedRm(n);
        List<Long> ids = LongStream.rangeClosed(1, n).boxed().toList();
        AtomicLong signals = new AtomicLong();
        YarnPoller poller = new YarnPoller("bench", rm, cluster -> ids, o -> {
            signals.incrementAndGet();
            return true;
        }, Duration.ofMinutes(10), Duration.ofMinutes(2), Clock.systemUTC(), new SimpleMeterRegistry());
        poller.pollOnce(); // warm-up interval: first observation of every app
        rm.calls.set(0);
        signals.set(0);
        long cpu = 0;
        for (int i = 0; i < INTERVALS; i++) {
            rm.advance(100, i);
            long t0 = CPU.getCurrentThreadCpuTime();
            poller.pollOnce();
            cpu += CPU.getCurrentThreadCpuTime() - t0;
        }
        return new Figures(rm.calls.get() / INTERVALS, cpu / 1e6 / INTERVALS, signals.get());
    }

    /** The alternative: every execution asks the RM for its own app each interval (as a per-workflow poll would). */
    private static Figures perApplication(int n) {
        SimulatedRm rm = new SimulatedRm(n);
        Map<Long, ClusterObservation> last = new HashMap<>();
        long signals = 0;
        for (long id = 1; id <= n; id++) {
            last.put(id, rm.applicationsTagged(Set.of(YarnTags.forExecution(id))).get(0).toObservation(id, 0));
        }
        rm.calls.set(0);
        long cpu = 0;
        for (int i = 0; i < INTERVALS; i++) {
            rm.advance(100, i);
            long t0 = CPU.getCurrentThreadCpuTime();
            for (long id = 1; id <= n; id++) {
                List<YarnApp> apps = rm.applicationsTagged(Set.of(YarnTags.forExecution(id)));
                ClusterObservation o = apps.get(0).toObservation(id, System.currentTimeMillis());
                ClusterObservation before = last.get(id);
                if (before.phase() != o.phase() || !Objects.equals(before.rawState(), o.rawState())
                        || !Objects.equals(before.diagnostics(), o.diagnostics())) {
                    last.put(id, o);
                    signals++;
                }
            }
            cpu += CPU.getCurrentThreadCpuTime() - t0;
        }
        return new Figures(rm.calls.get() / INTERVALS, cpu / 1e6 / INTERVALS, signals);
    }
}
