package io.maple.bench.resume;

import io.maple.bench.BenchSizes;
import io.maple.bench.Workload;
import io.maple.bench.report.Comparison;
import io.maple.bench.report.Section;
import io.maple.bench.report.Table;
import io.maple.bench.stack.Executions;
import io.maple.bench.stack.MapleStack;
import io.maple.bench.stack.Submitter;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusTransition;
import io.maple.worker.reconcile.StrandedExecutionResumer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Workload 8: the worker resumes executions Temporal forgot (issue 25). N rows are left
 * non-terminal in MySQL with no workflow, as a restarted dev server leaves them: half RUNNING
 * (launched before the loss), half ACCEPTED (queued). One pass of the worker's
 * {@link StrandedExecutionResumer}, what it runs at start, restarts them all (8 at once); beside it,
 * N bare workflow starts one at a time (no look at Temporal or MySQL first) and a second pass while
 * the resumed workflows run (what every later pass costs).
 */
public final class ResumeWorkload implements Workload {

    static final String QUEUE = "resume";
    static final String BARE_QUEUE = "resume-bare";

    private final BenchSizes sizes;
    private final Supplier<MapleStack> stack;

    public ResumeWorkload(BenchSizes sizes, Supplier<MapleStack> stack) {
        this.sizes = sizes;
        this.stack = stack;
    }

    /** The run time of this workload's jobs, in the worker's settings. */
    public static void durations(Map<String, String> properties, BenchSizes sizes) {
        // longer than the passes take, so the second one finds every workflow running
        properties.put("maple.bench.instant-cluster.durations." + QUEUE, sizes.strandedRun().toSeconds() + "s");
        properties.put("maple.bench.instant-cluster.durations." + BARE_QUEUE, sizes.strandedRun().toSeconds() + "s");
    }

    @Override
    public Section run() throws Exception {
        MapleStack maple = stack.get();
        Submitter submitter = new Submitter(maple);
        Executions executions = new Executions(maple.jdbc());
        ExecutionStore store = maple.store();
        int n = sizes.strandedExecutions();
        String prefix = "resume-" + System.nanoTime() + "-";
        List<Long> running = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = submitter.insert(prefix + i, QUEUE);
            store.transition(StatusTransition.to(id, ExecutionStatus.ACCEPTED, "queued", "bench"));
            if (i % 2 == 0) {
                store.transition(StatusTransition.to(id, ExecutionStatus.STARTING, "slot granted", "bench"));
                store.transition(StatusTransition.to(id, ExecutionStatus.RUNNING, "launched", "bench"));
                running.add(id);
            }
        }
        List<Long> bare = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = submitter.insert(prefix + "bare-" + i, BARE_QUEUE);
            store.transition(StatusTransition.to(id, ExecutionStatus.ACCEPTED, "queued", "bench"));
            bare.add(id);
        }
        long nonTerminal = executions.countIn(QUEUE, ExecutionStatus.ACCEPTED, ExecutionStatus.RUNNING);
        if (nonTerminal != n) {
            throw new IllegalStateException(nonTerminal + " stranded rows on queue " + QUEUE + ", not " + n);
        }

        // the bare rows are ACCEPTED and not yet in Temporal: the pass below would count them, so they start first
        long b0 = System.nanoTime();
        for (long id : bare) {
            maple.starter().start(id, 3, "bench");
        }
        long bareNanos = System.nanoTime() - b0;

        StrandedExecutionResumer resumer = maple.workerBean(StrandedExecutionResumer.class);
        // the bench worker's own passes never see these rows (its reconcile-age is ten years): this one does
        Instant cutoff = Instant.now().plusSeconds(1);
        long t0 = System.nanoTime();
        int resumed = resumer.resumeAll(cutoff);
        long passNanos = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        int resumedAgain = resumer.resumeAll(cutoff);
        long idleNanos = System.nanoTime() - t1;
        boolean ended = executions.awaitTerminal(QUEUE, n, sizes.strandedRun().plusMinutes(5));
        double allEnded = (System.nanoTime() - t0) / 1e9;
        executions.awaitTerminal(BARE_QUEUE, n, sizes.strandedRun().plusMinutes(5));

        long relaunched = running.stream().filter(id -> store.history(id).stream()
                .filter(h -> h.toStatus() == ExecutionStatus.STARTING).count() != 1).count();
        // more than n when earlier workloads left rows of their own stranded
        if (resumed < n || resumedAgain != 0 || !ended || relaunched != 0) {
            throw new AssertionError("resumed " + resumed + " of " + n + " stranded, then " + resumedAgain
                    + " on the second pass; all ended: " + ended + "; RUNNING ones launched again: " + relaunched);
        }
        long succeeded = executions.countIn(QUEUE, ExecutionStatus.SUCCEED);

        Section section = new Section("8. Resuming executions Temporal forgot",
                String.format("%,d rows left non-terminal with no workflow (%,d RUNNING, %,d ACCEPTED) on the bench "
                        + "cluster, whose jobs run %d s; one pass of the worker's StrandedExecutionResumer "
                        + "(`resumeAll`, what it runs `maple.worker.reconcile-interval` after it starts and every "
                        + "`maple.worker.resume-interval`; `maple.worker.resume-concurrency` 8 at once), beside %,d bare "
                        + "workflow starts one at a time.", n, running.size(),
                        n - running.size(), sizes.strandedRun().toSeconds(), n));
        section.compare(Comparison.reported(String.format("pass resuming %,d stranded executions", n), "ms",
                passNanos / 1e6, bareNanos / 1e6));
        section.detail(new Table("rows", "resumed", "pass ms", "per row ms", "bare starts ms",
                "next pass ms (nothing to resume)", "all ended s after the pass began", "SUCCEED",
                "RUNNING ones launched again")
                .row(n, resumed, passNanos / 1e6, passNanos / 1e6 / n, bareNanos / 1e6, idleNanos / 1e6, allEnded,
                        succeeded, relaunched));
        section.note("Per row the pass describes the workflow (absent here), reads the row again, signals the "
                + "queue's adopt for a launched one and starts the workflow; the next pass lists the open "
                + "workflows once (ListOpenWorkflowExecutions) and skips the rows they cover. The jobs' own run time is "
                + "part of 'all ended'.");
        return section;
    }
}
