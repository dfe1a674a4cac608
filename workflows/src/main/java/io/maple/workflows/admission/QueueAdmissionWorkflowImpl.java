package io.maple.workflows.admission;

import io.maple.workflows.admission.AdmissionState.Waiter;
import io.maple.workflows.contract.AdmissionActivities;
import io.maple.workflows.contract.SlotGrant;
import io.maple.workflows.contract.SlotRelease;
import io.maple.workflows.contract.SlotRequest;
import io.maple.workflows.contract.TaskQueues;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.EngineExecutionWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Grants slots in Maple's own order (priority, then submission) because Temporal's task
 * queues are not FIFO within a priority. Slots come back by release signal (every terminal path of
 * an execution sends one) or, if an execution workflow vanished without one (terminated, reset),
 * by a liveness check while slots are held.
 */
public class QueueAdmissionWorkflowImpl implements QueueAdmissionWorkflow {

    private static final Logger log = Workflow.getLogger(QueueAdmissionWorkflowImpl.class);
    /** How often held slots are checked against their workflows, and the limit re-read. */
    private static final Duration CHECK_INTERVAL = Duration.ofMinutes(1);
    /**
     * Version 1: grant signals are not waited for (a failed delivery frees its slot when it fails);
     * the liveness check runs on one timer a minute instead of a timer started on every wake-up,
     * which a busy queue reset forever, and its two lookups are local activities run side by side.
     */
    static final String STEADY_CHECK = "steady-check";
    /**
     * Version 1: releases delivered with the start of a run (signals run before {@code run()}) also
     * apply to the holders and waiters it carries over from the previous run, which they used to miss:
     * the slot then stayed taken until the liveness check a minute later.
     */
    static final String EARLY_RELEASES = "early-releases";
    /**
     * Version 1: a run also continues as new once its history reaches {@link #SHORT_RUN_EVENTS}, not
     * only when the server suggests it (about 4,000 events). On a busy queue a continue-as-new often
     * races a signal: the server fails that task and the next one replays the whole run, and nothing
     * is granted meanwhile. That was about 200 ms per retry at 4,000 events (bench workload 2: p99 at
     * 20-30/s went from 51 ms to 500 ms around each one); at 1,000 a retry is a quarter of that and
     * more likely to fit in a gap between signals.
     */
    static final String SHORT_RUNS = "short-runs";
    static final int SHORT_RUN_EVENTS = 1_000;
    /**
     * Version 1: waiters of one priority are granted in submission order (execution ids grow with
     * submissions), not in the order their requests reached the queue: executions resumed after
     * Temporal forgot them (StrandedExecutionResumer) ask again all at once, and their requests arrive
     * in whatever order their workflows' first tasks ran.
     */
    static final String SUBMISSION_ORDER = "submission-order";
    private static final Comparator<Waiter> BY_ARRIVAL =
            Comparator.comparingInt(Waiter::priority).thenComparingLong(Waiter::sequence);
    private static final Comparator<Waiter> BY_SUBMISSION =
            Comparator.comparingInt(Waiter::priority).thenComparingLong(Waiter::executionId);

    private static final RetryOptions RETRY = RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
            .setMaximumInterval(Duration.ofSeconds(30)).build();

    private AdmissionActivities activities;

    private String cluster;
    private String clusterQueue;
    private int limit;
    private long nextSequence = 1;
    private final List<Waiter> waiting = new ArrayList<>();
    private final Set<Long> holders = new LinkedHashSet<>();
    private final List<Long> grantOrder = new ArrayList<>();
    private boolean changed;
    private boolean steady;
    private boolean shortRuns;
    private Comparator<Waiter> order = BY_ARRIVAL;
    private Promise<Void> checkTimer;
    private int grantsInFlight;
    /** Ids released before {@code run()} loaded the carried state; null once it has. */
    private Set<Long> releasedBeforeRun = new LinkedHashSet<>();

    @Override
    public void run(AdmissionState state) {
        cluster = state.cluster();
        clusterQueue = state.clusterQueue();
        nextSequence = Math.max(nextSequence, state.nextSequence());
        // signals delivered with the start were applied before run(): keep them, then add the carried ones
        List<Waiter> early = new ArrayList<>(waiting);
        waiting.clear();
        waiting.addAll(state.waiting());
        for (Waiter w : early) {
            if (waiting.stream().noneMatch(x -> x.executionId() == w.executionId())) {
                waiting.add(new Waiter(w.executionId(), w.priority(), nextSequence++));
            }
        }
        holders.addAll(state.holders());
        grantOrder.addAll(state.grantOrder());
        if (Workflow.getVersion(EARLY_RELEASES, Workflow.DEFAULT_VERSION, 1) >= 1) {
            holders.removeAll(releasedBeforeRun);
            waiting.removeIf(w -> releasedBeforeRun.contains(w.executionId()) || holders.contains(w.executionId()));
        }
        releasedBeforeRun = null;
        steady = Workflow.getVersion(STEADY_CHECK, Workflow.DEFAULT_VERSION, 1) >= 1;
        shortRuns = Workflow.getVersion(SHORT_RUNS, Workflow.DEFAULT_VERSION, 1) >= 1;
        if (Workflow.getVersion(SUBMISSION_ORDER, Workflow.DEFAULT_VERSION, 1) >= 1) {
            order = BY_SUBMISSION;
        }
        activities = steady
                ? Workflow.newLocalActivityStub(AdmissionActivities.class, LocalActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
                        .setRetryOptions(RETRY).build())
                : Workflow.newActivityStub(AdmissionActivities.class, ActivityOptions.newBuilder()
                        .setTaskQueue(TaskQueues.EXECUTIONS)
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .setScheduleToCloseTimeout(Duration.ofMinutes(10))
                        .setRetryOptions(RETRY)
                        .setSummary("admission bookkeeping")
                        .build());
        limit = activities.limitFor(cluster, clusterQueue);
        while (true) {
            // reset before granting: signals that arrive while grants are in flight wake the next round
            changed = false;
            grant();
            if (continueAsNewDue() && Workflow.isEveryHandlerFinished() && grantsInFlight == 0) {
                Workflow.continueAsNew(snapshot());
            }
            if (steady) {
                awaitChangeOrCheck();
            } else if (holders.isEmpty()) {
                Workflow.await(() -> changed);
            } else if (!Workflow.await(CHECK_INTERVAL, () -> changed)) {
                check();
            }
        }
    }

    private boolean continueAsNewDue() {
        return Workflow.getInfo().isContinueAsNewSuggested()
                || (shortRuns && Workflow.getInfo().getHistoryLength() >= SHORT_RUN_EVENTS);
    }

    /** Wakes on a change; the liveness check's timer keeps running across wake-ups while slots are held. */
    private void awaitChangeOrCheck() {
        if (holders.isEmpty()) {
            Workflow.await(() -> changed);
            return;
        }
        if (checkTimer == null) {
            checkTimer = Workflow.newTimer(CHECK_INTERVAL);
        }
        Promise<Void> timer = checkTimer;
        Workflow.await(() -> changed || timer.isCompleted());
        if (timer.isCompleted()) {
            checkTimer = null;
            check();
        }
    }

    private void check() {
        if (!steady) {
            reclaim(activities.closedHolders(new ArrayList<>(holders)));
            limit = activities.limitFor(cluster, clusterQueue);
            return;
        }
        Promise<List<Long>> closed = Async.function(activities::closedHolders, new ArrayList<>(holders));
        Promise<Integer> configured = Async.function(activities::limitFor, cluster, clusterQueue);
        reclaim(closed.get());
        limit = configured.get();
    }

    /** Grants every free slot at once; the grant signals go out in parallel, not one round trip each. */
    private void grant() {
        List<Waiter> granted = new ArrayList<>();
        List<Promise<Void>> sent = new ArrayList<>();
        while (holders.size() < limit && !waiting.isEmpty()) {
            Waiter next = waiting.stream().min(order).orElseThrow();
            waiting.remove(next);
            hold(next.executionId());
            EngineExecutionWorkflow execution = Workflow.newExternalWorkflowStub(EngineExecutionWorkflow.class,
                    WorkflowIds.forExecution(next.executionId()));
            granted.add(next);
            sent.add(Async.procedure(execution::slotGranted,
                    new SlotGrant(Workflow.getInfo().getWorkflowId(), next.sequence())));
        }
        if (steady) {
            for (int i = 0; i < sent.size(); i++) {
                long id = granted.get(i).executionId();
                grantsInFlight++;
                sent.get(i).handle((ignored, failure) -> {
                    grantsInFlight--;
                    if (failure != null) {
                        notDelivered(id, failure);
                    }
                    return null;
                });
            }
            return;
        }
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
            } catch (SignalExternalWorkflowException e) {
                notDelivered(granted.get(i).executionId(), e);
            }
        }
    }

    /** The execution's workflow is gone: its slot goes to the next one on the next round. */
    private void notDelivered(long executionId, RuntimeException failure) {
        holders.remove(executionId);
        changed = true;
        log.info("slot for execution {} not delivered: {}", executionId, failure.getMessage());
    }

    private void reclaim(List<Long> closed) {
        for (Long id : closed) {
            if (holders.remove(id)) {
                // usually its release is still in flight (it ended while this check ran, and the signal lands in
                // the next task, where it is a no-op); a workflow terminated or reset never sends one
                log.info("reclaimed the slot of execution {}: its workflow has closed and no release had arrived", id);
            }
        }
    }

    @Override
    public void request(SlotRequest request) {
        long id = request.executionId();
        // idempotent: a retried requestSlot activity must not queue the execution twice
        if (!holders.contains(id) && waiting.stream().noneMatch(w -> w.executionId() == id)) {
            waiting.add(new Waiter(id, request.priority(), nextSequence++));
        }
        changed = true;
    }

    @Override
    public void adopt(SlotRequest request) {
        long id = request.executionId();
        waiting.removeIf(w -> w.executionId() == id);
        if (!holders.contains(id)) {
            hold(id);
        }
        changed = true;
    }

    private void hold(long executionId) {
        holders.add(executionId);
        grantOrder.add(executionId);
        if (grantOrder.size() > 100) {
            grantOrder.remove(0);
        }
    }

    @Override
    public void release(SlotRelease release) {
        holders.remove(release.executionId());
        waiting.removeIf(w -> w.executionId() == release.executionId());
        if (releasedBeforeRun != null) {
            releasedBeforeRun.add(release.executionId());
        }
        changed = true;
    }

    @Override
    public int position(long executionId) {
        if (holders.contains(executionId)) {
            return 0;
        }
        List<Waiter> ordered = new ArrayList<>(waiting);
        ordered.sort(order);
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).executionId() == executionId) {
                return i + 1;
            }
        }
        return -1;
    }

    @Override
    public AdmissionState snapshot() {
        List<Waiter> ordered = new ArrayList<>(waiting);
        ordered.sort(order);
        return new AdmissionState(cluster, clusterQueue, limit, nextSequence, ordered, new ArrayList<>(holders),
                new ArrayList<>(grantOrder));
    }
}
