package io.maple.bench.dispatch;

import io.maple.bench.BenchSizes;
import io.maple.bench.Workload;
import io.maple.bench.load.Latencies;
import io.maple.bench.load.OpenLoop;
import io.maple.bench.report.Comparison;
import io.maple.bench.report.LineChart;
import io.maple.bench.report.Section;
import io.maple.bench.report.Table;
import io.maple.bench.stack.Executions;
import io.maple.bench.stack.MapleStack;
import io.maple.bench.stack.Submitter;
import io.maple.domain.ExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Submit -> STARTING latency at a steady rate with free queue capacity, beside the bare limit: the
 * same insert, then a workflow whose one activity makes the same two status writes (no admission).
 */
public final class DispatchWorkload implements Workload {

    public static final String QUEUE = "dispatch";
    private static final double GOAL_P99_MILLIS = 200;
    private static final int GOAL_RATE = 50;

    private final BenchSizes sizes;
    private final Supplier<MapleStack> stack;
    private final Path reportDir;

    public DispatchWorkload(BenchSizes sizes, Supplier<MapleStack> stack, Path reportDir) {
        this.sizes = sizes;
        this.stack = stack;
        this.reportDir = reportDir;
    }

    @Override
    public Section run() throws Exception {
        MapleStack maple = stack.get();
        Submitter submitter = new Submitter(maple);
        Executions executions = new Executions(maple.jdbc());
        WorkflowClient client = maple.client();
        Duration timeout = Duration.ofMinutes(3);
        Duration warmUp = sizes.dispatchRun().compareTo(Duration.ofSeconds(5)) < 0 ? sizes.dispatchRun()
                : Duration.ofSeconds(5);
        // warm-up (JIT, first workflow tasks, the queue's admission workflow), finished before anything is measured
        executions.awaitReached(OpenLoop.run(10, warmUp, i -> submitter.viaApi("dw-" + i, QUEUE, null)),
                ExecutionStatus.SUCCEED, timeout);
        executions.awaitReached(OpenLoop.run(10, warmUp, i -> startBare(submitter, client, "bw-" + i)),
                ExecutionStatus.STARTING, timeout);

        Section section = new Section("2. Dispatch",
                "Submit -> STARTING at a steady rate (" + java.util.Arrays.toString(sizes.dispatchRates())
                        + " submissions/s) for " + sizes.dispatchRun().toSeconds() + " s each through `POST "
                        + "/executions`, queue limit far above the load (free capacity). Latency is from the CREATED "
                        + "history row (written by the insert) to the STARTING row. **Limit**: the same insert, then "
                        + "a bare workflow whose single activity makes the same two status writes (ACCEPTED, "
                        + "STARTING) with no load, admission or search attributes, at the same rate, same run.");
        Table detail = new Table("rate /s", "path", "executions", "reached STARTING", "p50 ms", "p99 ms", "max ms");
        LineChart chart = new LineChart("Dispatch latency (submit -> STARTING) vs rate", "submissions/s",
                "latency (ms)");
        int mapleKnee = 0;
        int bareKnee = 0;
        for (int rate : sizes.dispatchRates()) {
            String tag = rate + "-";
            List<Long> viaMaple = OpenLoop.run(rate, sizes.dispatchRun(),
                    i -> submitter.viaApi("d-" + tag + i, QUEUE, null));
            boolean mapleDone = executions.awaitReached(viaMaple, ExecutionStatus.STARTING, timeout);
            // the bare run starts on an idle stack: Maple's executions go on past STARTING (launch, RUNNING, end)
            executions.awaitReached(viaMaple, ExecutionStatus.SUCCEED, timeout);
            List<Long> bare = OpenLoop.run(rate, sizes.dispatchRun(), i -> startBare(submitter, client, "b-" + tag + i));
            boolean bareDone = executions.awaitReached(bare, ExecutionStatus.STARTING, timeout);
            Latencies m = Latencies.of(executions.timesToStatus(viaMaple, ExecutionStatus.STARTING));
            Latencies b = Latencies.of(executions.timesToStatus(bare, ExecutionStatus.STARTING));
            if (rate == GOAL_RATE) {
                section.compare(new Comparison("p99 at " + rate + "/s", "ms", m.p99(), b.p99(), "< 200 ms",
                        mapleDone && m.p99() < GOAL_P99_MILLIS));
            } else {
                section.compare(Comparison.reported("p99 at " + rate + "/s", "ms", m.p99(), b.p99()));
            }
            section.compare(Comparison.reported("p50 at " + rate + "/s", "ms", m.p50(), b.p50()));
            chart.point("Maple p50", rate, m.p50()).point("Maple p99", rate, m.p99())
                    .point("bare p50", rate, b.p50()).point("bare p99", rate, b.p99());
            mapleKnee = mapleDone && m.p99() < GOAL_P99_MILLIS ? Math.max(mapleKnee, rate) : mapleKnee;
            bareKnee = bareDone && b.p99() < GOAL_P99_MILLIS ? Math.max(bareKnee, rate) : bareKnee;
            detail.row(rate, "Maple (API, admission, workflow)", viaMaple.size(), m.count(), m.p50(), m.p99(),
                    m.millis(1.0));
            detail.row(rate, "bare workflow (limit)", bare.size(), b.count(), b.p50(), b.p99(), b.millis(1.0));
            if (!mapleDone || !bareDone) {
                section.note("**At " + rate + "/s not every execution reached STARTING within " + timeout.toSeconds()
                        + " s of the last submission: the percentiles cover those that did, so the real ones are "
                        + "higher.**");
            }
        }
        // the rate Maple sustains within the goal's latency on this machine, beside the bare path's
        section.compare(Comparison.reported("highest rate measured with p99 < 200 ms", "/s", mapleKnee, bareKnee));
        section.detail(detail).chart(chart.write(reportDir, "dispatch-latency.png", false, true));
        section.note("The launch itself is not measured: the bench cluster's launcher answers at once (InstantCluster), "
                + "because this measures Maple, not a cluster.");
        return section;
    }

    private static long startBare(Submitter submitter, WorkflowClient client, String uniqueId) {
        long id = submitter.insert(uniqueId, QUEUE + "-bare");
        BareDispatchWorkflow w = client.newWorkflowStub(BareDispatchWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(MapleStack.BARE_QUEUE).setWorkflowId("bench-bare-" + id).build());
        WorkflowClient.start(w::run, id);
        return id;
    }
}
