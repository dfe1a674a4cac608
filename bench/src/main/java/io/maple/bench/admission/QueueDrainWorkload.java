package io.maple.bench.admission;

import io.maple.bench.BenchSizes;
import io.maple.bench.Workload;
import io.maple.bench.report.Comparison;
import io.maple.bench.report.Section;
import io.maple.bench.report.Table;
import io.maple.bench.stack.Executions;
import io.maple.bench.stack.MapleStack;
import io.maple.bench.stack.Submitter;
import io.maple.domain.ExecutionStatus;
import io.maple.workflows.admission.QueueAdmissionWorkflow;
import io.maple.workflows.contract.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * N executions queued on one limited queue, then the time to drain them, beside the same N on a
 * queue whose limit is never reached (the same workflows, activities and queue-table writes, but
 * nobody waits for a slot). Jobs end at once, so the drain measures Maple's own turnover.
 */
public final class QueueDrainWorkload implements Workload {

    public static final String LIMITED = "limited";
    public static final String OPEN = "open";

    private final BenchSizes sizes;
    private final Supplier<MapleStack> stack;

    public QueueDrainWorkload(BenchSizes sizes, Supplier<MapleStack> stack) {
        this.sizes = sizes;
        this.stack = stack;
    }

    /** Worker properties this workload needs: the two queues' limits. */
    public static void limits(java.util.Map<String, String> properties, int limit) {
        properties.put("maple.admission.limits." + MapleStack.CLUSTER + "-" + LIMITED, String.valueOf(limit));
        properties.put("maple.admission.limits." + MapleStack.CLUSTER + "-" + OPEN, "1000000");
    }

    @Override
    public Section run() throws Exception {
        MapleStack maple = stack.get();
        Submitter submitter = new Submitter(maple);
        Executions executions = new Executions(maple.jdbc());
        int n = sizes.queuedExecutions();
        // the baseline first: a capped drain leaves executions behind, which are ended before the next workload
        Drain open = drain(maple, submitter, executions, OPEN, sizes.openExecutions());
        Drain limited = drain(maple, submitter, executions, LIMITED, n);

        Section section = new Section("3. Queue admission",
                String.format("%,d executions queued on one cluster queue with limit %d (submitted while the worker "
                        + "was paused, so all wait when it resumes), then drained; jobs end at their first look. "
                        + "**Limit**: %,d executions on a queue whose limit is never reached (the same workflows, "
                        + "activities and queue-table writes, nobody waits for a slot), same run. Measured from the "
                        + "worker's resume in two phases: registration (all out of CREATED: loaded, ACCEPTED, queued; "
                        + "admitted ones run meanwhile) and the drain after it, whose rate counts what ended after "
                        + "registration. Each phase stops after %d s; a time to drain past it is projected.", n,
                        sizes.queueLimit(), open.executions(), sizes.drainCap().toSeconds()));
        section.compare(Comparison.reported("drain rate", "executions/s", limited.rate(), open.rate()));
        section.compare(Comparison.reported(String.format("time to drain %,d", n), "s", limited.timeFor(n),
                open.timeFor(n)));
        section.compare(Comparison.reported("registration rate", "executions/s",
                n / limited.registrationSeconds(), open.executions() / open.registrationSeconds()));
        section.detail(new Table("queue", "limit", "executions", "ended", "SUCCEED", "submit s (paused)",
                "registration s", "ended meanwhile", "drain s", "drain executions/s")
                .row(LIMITED, sizes.queueLimit(), n, limited.ended(), limited.succeeded(), limited.queueingSeconds(),
                        limited.registrationSeconds(), limited.endedWhileRegistering(), limited.drainSeconds(),
                        limited.rate())
                .row(OPEN + " (limit)", "never reached", open.executions(), open.ended(), open.succeeded(),
                        open.queueingSeconds(), open.registrationSeconds(), open.endedWhileRegistering(),
                        open.drainSeconds(), open.rate()));
        section.note("No goal is set by the issue. A capacity-bound ideal (N / limit x job time) is 0 here because "
                + "the jobs take no time: the figure is Maple's own cost of admitting, launching and ending them in "
                + "order through the queue's tables in MySQL (each release grants the next waiter and signals it).");
        if (limited.ended() < n || open.ended() < open.executions()) {
            section.note("**A drain hit the " + sizes.drainCap().toSeconds() + " s cap: its time to drain is "
                    + "projected from its rate; the executions left were terminated (workflow and queue) so they do "
                    + "not load the workloads after it.**");
        }
        return section;
    }

    /**
     * One drain in two phases from the moment the worker resumes: registration (every execution out of
     * CREATED: loaded, ACCEPTED, queued) and then the drain proper, whose rate counts only what ended
     * after registration, so the backlog's own registration does not hide the queue's turnover.
     */
    private record Drain(int executions, long ended, long succeeded, double registrationSeconds,
                         long endedWhileRegistering, double drainSeconds, double queueingSeconds) {
        double rate() {
            return (ended - endedWhileRegistering) / drainSeconds;
        }

        double seconds() {
            return registrationSeconds + drainSeconds;
        }

        /** Measured when this drain was of {@code n} and finished, else registration plus the rest at its rate. */
        double timeFor(int n) {
            return ended == n && executions == n ? seconds()
                    : registrationSeconds * n / executions + (n - endedWhileRegistering * (double) n / executions) / rate();
        }
    }

    private Drain drain(MapleStack maple, Submitter submitter, Executions executions, String queue, int n)
            throws Exception {
        maple.workersPolling(false);
        long q0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String uniqueId = "q-" + queue + "-" + i;
                ids.add(pool.submit(() -> submitter.direct(uniqueId, queue)));
            }
            for (Future<Long> f : ids) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            maple.workersPolling(true);
        }
        long t0 = System.nanoTime();
        executions.awaitRegistered(queue, n, sizes.drainCap());
        long t1 = System.nanoTime();
        long endedWhileRegistering = executions.terminalIn(queue);
        executions.awaitTerminal(queue, n, sizes.drainCap());
        double drainSeconds = (System.nanoTime() - t1) / 1e9;
        Drain drain = new Drain(n, executions.terminalIn(queue), executions.countIn(queue, ExecutionStatus.SUCCEED),
                (t1 - t0) / 1e9, endedWhileRegistering, drainSeconds, (t0 - q0) / 1e9);
        if (drain.ended() < n) {
            terminateLeft(maple, executions, queue);
        }
        return drain;
    }

    private static void terminateLeft(MapleStack maple, Executions executions, String queue) throws Exception {
        WorkflowClient client = maple.client();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (long id : executions.notTerminalIn(queue)) {
                done.add(pool.submit(() -> terminate(client, WorkflowIds.forExecution(id))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        terminate(client, QueueAdmissionWorkflow.workflowId(MapleStack.CLUSTER, queue));
    }

    private static void terminate(WorkflowClient client, String workflowId) {
        try {
            client.newUntypedWorkflowStub(workflowId).terminate("benchmark drain cap reached");
        } catch (WorkflowNotFoundException e) {
            // never started, or already closed
        }
    }
}
