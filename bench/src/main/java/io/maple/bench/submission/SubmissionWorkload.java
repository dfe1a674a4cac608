package io.maple.bench.submission;

import io.maple.bench.BenchSizes;
import io.maple.bench.Workload;
import io.maple.bench.load.ClosedLoop;
import io.maple.bench.load.WarmUp;
import io.maple.bench.report.Comparison;
import io.maple.bench.report.LineChart;
import io.maple.bench.report.Section;
import io.maple.bench.report.Table;
import io.maple.bench.stack.MapleStack;
import io.maple.bench.stack.Submitter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code POST /executions} at 1..128 concurrent clients beside the bare limit: the same MySQL
 * insert and Temporal start done directly, in the same JVM, database and Temporal server.
 */
public final class SubmissionWorkload implements Workload {

    private static final String QUEUE = "default";
    private static final int GOAL_CLIENTS = 32;
    private static final double GOAL_SHARE = 0.70;
    private static final double SECURED_GOAL_SHARE = 0.60;
    /** The cells the goals are judged on run this many cells' time. */
    private static final int GOAL_CELLS = 3;
    private static final int WARM_UP_CLIENTS = 8;
    /** The warm-up stops when the JIT has settled, or after this many cells' time. */
    private static final int WARM_UP_CAP_CELLS = 36;

    private final BenchSizes sizes;
    private final Supplier<MapleStack> stack;
    private final Path reportDir;

    public SubmissionWorkload(BenchSizes sizes, Supplier<MapleStack> stack, Path reportDir) {
        this.sizes = sizes;
        this.stack = stack;
        this.reportDir = reportDir;
    }

    @Override
    public Section run() throws Exception {
        MapleStack maple = stack.get();
        Submitter submitter = new Submitter(maple);
        // the workflows started here are not part of submission: they wait on the server untouched (so this
        // workload runs last)
        maple.workersPolling(false);
        ClosedLoop loop = new ClosedLoop("s");
        ClosedLoop.Operation api = id -> submitter.viaApi(id, QUEUE, null);
        ClosedLoop.Operation bare = id -> submitter.direct(id, QUEUE);
        Submitter securedSubmitter = Submitter.secured(maple);
        ClosedLoop.Operation secured = id -> securedSubmitter.viaApi(id, QUEUE, null);
        // JIT, connection pools, Tomcat threads
        WarmUp.Outcome warm = WarmUp.run(loop, WARM_UP_CLIENTS, Duration.ofSeconds(1),
                sizes.submissionCell().multipliedBy(WARM_UP_CAP_CELLS), api, bare, secured);

        Section section = new Section("1. Submission",
                "`POST /api/v1/executions` (Spark SQL job, real api context on Tomcat, security off; a last "
                        + "row with security on) with N "
                        + "concurrent clients for " + sizes.submissionCell().toSeconds() + " s per cell, "
                        + GOAL_CELLS + " times that at " + GOAL_CLIENTS + " (in 1 s slices alternating with the "
                        + "limit's, so drift falls on both), beside "
                        + "the **bare limit**: `ExecutionStore.create` (the same insert, ext info and history "
                        + "row) + `ExecutionStarter.start` (the same workflow start) called directly, same JVM, "
                        + "database and Temporal test server. Workers are paused, so neither path competes with "
                        + "workflow execution.");
        Table detail = new Table("clients", "API ops/s", "bare ops/s", "API share", "API p50 ms", "API p99 ms",
                "bare p50 ms", "bare p99 ms", "API CPU ms/op (JVM + DB)", "bare CPU ms/op (JVM + DB)");
        int slices = (int) Math.max(1, sizes.submissionCell().toSeconds());
        // the goals' cells run longer: one 5 s cell of this saturated machine varied by 10% from run to run
        Duration goalCell = sizes.submissionCell().multipliedBy(GOAL_CELLS);
        int goalSlices = slices * GOAL_CELLS;
        LineChart chart = new LineChart("Submission latency vs load", "concurrent clients", "latency (ms)");
        for (int n : sizes.submissionClients()) {
            ClosedLoop.Pair cell = n == GOAL_CLIENTS ? loop.alternate(n, goalCell, goalSlices, api, bare)
                    : loop.alternate(n, sizes.submissionCell(), slices, api, bare);
            ClosedLoop.Result a = cell.a();
            ClosedLoop.Result b = cell.b();
            row(detail, n, a, b);
            chart.point("API p50", n, a.latencies().p50()).point("API p99", n, a.latencies().p99())
                    .point("bare p50", n, b.latencies().p50()).point("bare p99", n, b.latencies().p99());
            if (n == GOAL_CLIENTS) {
                section.compare(new Comparison("throughput at " + n + " clients", "ops/s", a.perSecond(),
                        b.perSecond(), ">= 70% of bare", a.perSecond() >= GOAL_SHARE * b.perSecond()));
            } else {
                section.compare(Comparison.reported("throughput at " + n + " clients", "ops/s", a.perSecond(),
                        b.perSecond()));
            }
        }
        // the same cell with security on, as deployed: app key checked, rate bucket, audit of refusals
        ClosedLoop.Pair cell = loop.alternate(GOAL_CLIENTS, goalCell, goalSlices, secured, bare);
        ClosedLoop.Result s = cell.a();
        ClosedLoop.Result b = cell.b();
        row(detail, GOAL_CLIENTS + ", security on", s, b);
        section.compare(new Comparison("throughput at " + GOAL_CLIENTS + " clients, security on", "ops/s",
                s.perSecond(), b.perSecond(), ">= 60% of bare", s.perSecond() >= SECURED_GOAL_SHARE * b.perSecond()));
        return section.detail(detail).chart(chart.write(reportDir, "submission-latency.png", true, true))
                .note("Hikari pools are the api's default (32 connections) in both contexts; Tomcat's 200 "
                        + "threads serve the API.")
                .note(String.format(Locale.ROOT, "Before the cells, both paths ran alternately at %d clients "
                        + "for %.0f s, not counted, %s: a fresh JVM compiles the api's longer path for a minute or "
                        + "more, and a long-running api is past that.", WARM_UP_CLIENTS, warm.took().toMillis() / 1e3,
                        warm.settled() ? String.format(Locale.ROOT, "until the JIT compilers used %.1f%% of a core",
                                100 * warm.lastCompileShare())
                                : String.format(Locale.ROOT, "the cap of %d cells; the JIT compilers still used "
                                        + "%.0f%% of a core in its last round", WARM_UP_CAP_CELLS,
                                        100 * warm.lastCompileShare())))
                .note("CPU ms/op: this JVM's CPU (server, client, Temporal's test server) + MariaDB's, over the "
                        + "cell's slices of that path, per operation. On a saturated machine the throughput "
                        + "ratio follows the ratio of these.");
    }

    private static void row(Table detail, Object clients, ClosedLoop.Result api, ClosedLoop.Result bare) {
        detail.row(clients, api.perSecond(), bare.perSecond(), api.perSecond() / bare.perSecond(),
                api.latencies().p50(), api.latencies().p99(), bare.latencies().p50(), bare.latencies().p99(),
                cpu(api), cpu(bare));
    }

    private static String cpu(ClosedLoop.Result r) {
        double db = r.dbCpuMillisPerOperation();
        return String.format(Locale.ROOT, "%.2f + %s", r.jvmCpuMillisPerOperation(),
                Double.isNaN(db) ? "?" : String.format(Locale.ROOT, "%.2f", db));
    }
}
