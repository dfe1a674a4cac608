package io.maple.workflows.execution;

import static io.maple.domain.ExecutionStatus.ACCEPTED;
import static io.maple.domain.ExecutionStatus.CANCELED;
import static io.maple.domain.ExecutionStatus.CREATED;
import static io.maple.domain.ExecutionStatus.FAILED;
import static io.maple.domain.ExecutionStatus.KILLED;
import static io.maple.domain.ExecutionStatus.RUNNING;
import static io.maple.domain.ExecutionStatus.STARTING;
import static io.maple.domain.ExecutionStatus.START_FAILED;
import static io.maple.domain.ExecutionStatus.SUCCEED;
import static io.maple.domain.ExecutionStatus.UNKNOWN;

import io.maple.domain.ExecutionStatus;
import io.maple.workflows.contract.AdmissionActivities;
import io.maple.workflows.contract.AdmitAnswer;
import io.maple.workflows.contract.CancelAppRequest;
import io.maple.workflows.contract.ClusterActivities;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import io.maple.workflows.contract.EngineReport;
import io.maple.workflows.contract.ErrorTypes;
import io.maple.workflows.contract.ExecutionActivities;
import io.maple.workflows.contract.ExecutionSnapshot;
import io.maple.workflows.contract.KillAppRequest;
import io.maple.workflows.contract.LaunchAppRequest;
import io.maple.workflows.contract.LaunchAppResult;
import io.maple.workflows.contract.SlotGrant;
import io.maple.workflows.contract.TransitionRequest;
import io.maple.workflows.contract.TransitionResult;
import io.maple.workflows.webhook.WebhookNotifier;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Drives one execution through the seed's status flow. Signals and updates only record what
 * arrived; the main loop acts on it, so every decision happens in one deterministic place.
 * See the package README for the shape of the loop.
 */
public class EngineExecutionWorkflowImpl implements EngineExecutionWorkflow {

    private static final Logger log = Workflow.getLogger(EngineExecutionWorkflowImpl.class);
    private static final String SOURCE = "workflow";
    private static final String KILL = "KILL";
    private static final String CANCEL = "CANCEL";
    /**
     * Version 1: a cancel runs the cluster's cancel activity (a FlinkDeployment is suspended, not
     * deleted), and a job cancelled on the cluster without Maple asking ends CANCELED, not KILLED.
     */
    static final String CANCEL_IS_NOT_KILL = "cancel-is-not-kill";

    /**
     * Version 1: load, status writes and the queue's request/release are local activities: a marker
     * each instead of three events and a task-queue round trip; registering a queued execution is one
     * workflow task instead of seven tasks.
     */
    static final String LOCAL_BOOKKEEPING = "local-bookkeeping";
    /** A run started on a row already past admission (resumed from MySQL) takes its queue slot back. */
    static final String RESUME_ADOPTS_SLOT = "resume-adopts-slot";
    /**
     * Version 1: after a launch, the fallback poll's first attempt comes a poll interval into the
     * monitoring, not at once: it found the job just launched, and cost an activity task, a cluster
     * call and a cancel for each job whose end its observers reported.
     */
    static final String DEFERRED_POLL = "deferred-poll";

    private ExecutionActivities store;
    private AdmissionActivities admission;
    private final QueueSlot slot = new QueueSlot();

    private ClusterActivities launcher;
    private ClusterActivities killer;
    private WebhookNotifier webhooks;
    private ExecutionSearchAttributes searchAttributes;

    private ExecutionSnapshot execution;
    private ExecutionStatus status;
    private String appId;
    private int launchAttempts;
    /** This run launched the application (not a run resumed or continued past the launch). */
    private boolean launchedHere;
    private ClusterObservation lastObservation;
    private EngineReport lastReport;
    private boolean sawRunning;
    private Unobservability unobservability;
    private ExecutionStatus statusBeforeUnknown;
    private int transitions;
    private String stopKind;
    private StopRequest stopRequest;
    private String lastReason;
    private boolean cancelIsNotKill;

    private final List<ClusterObservation> inbox = new ArrayList<>();
    private final List<EngineReport> reports = new ArrayList<>();
    private ClusterPhase knownPhase;
    private final FallbackPoll fallback = new FallbackPoll();
    /** Version {@link QueueSlot#ONE_STEP} of table admission, read when a run starts. */
    private boolean oneStepAdmission;

    @Override
    public ExecutionOutcome run(ExecutionInput input) {
        // read at the start of every run: read inside the stop path, after an update-driven activity cancel
        // in the same task, its marker did not replay (TMPRL1100 "Version is already set to -1", SDK 1.39)
        cancelIsNotKill = Workflow.getVersion(CANCEL_IS_NOT_KILL, Workflow.DEFAULT_VERSION, 1) >= 1;
        boolean local = Workflow.getVersion(LOCAL_BOOKKEEPING, Workflow.DEFAULT_VERSION, 1) >= 1;
        store = ExecutionStubs.store(local);
        admission = ExecutionStubs.admissionWorkflow(local);
        boolean resumedPastAdmission = false;
        boolean tableAdmission;
        boolean departsWithEnd;
        if (input.carried() != null) {
            restore(input.carried());
            tableAdmission = input.carried().tableAdmission();
            // where the slot is was decided by the first run; how it goes back, by each run's own version
            departsWithEnd = tableAdmission && admissionVersion() >= QueueSlot.ONE_STEP_END;
        } else {
            execution = store.load(input.executionId());
            status = execution.status();
            resumedPastAdmission = status == STARTING || status == RUNNING || status == UNKNOWN;
            int admission = admissionVersion();
            tableAdmission = admission >= 1;
            oneStepAdmission = admission >= QueueSlot.ONE_STEP;
            departsWithEnd = admission >= QueueSlot.ONE_STEP_END;
        }
        slot.bind(execution, tableAdmission, departsWithEnd, admission, ExecutionStubs.queueSlots());
        webhooks = new WebhookNotifier(execution);
        unobservability = new Unobservability(execution.settings(),
                input.carried() == null ? null : input.carried().unobservableSince());
        searchAttributes = new ExecutionSearchAttributes(execution);
        launcher = ExecutionStubs.launcher(execution);
        killer = ExecutionStubs.killer(execution);
        if (tableAdmission && status == CREATED) {
            // admitted at once, it reaches STARTING in this task: one upsert then, not three
            searchAttributes.hold();
        }
        searchAttributes.changed(status);
        // only a run that starts past admission asks for the version: no earlier history did, so they replay
        if (resumedPastAdmission && Workflow.getVersion(RESUME_ADOPTS_SLOT, Workflow.DEFAULT_VERSION, 1) >= 1) {
            slot.adopt();
        }
        try {
            drive();
        } catch (CanceledFailure e) {
            // the Temporal workflow itself was cancelled: Maple treats it as a cancel request
            if (stopRequest == null) {
                stopKind = CANCEL;
                stopRequest = new StopRequest("workflow cancelled", "temporal");
            }
            Workflow.newDetachedCancellationScope(this::stop).run();
        }
        // a run that ended while holding changes back (its row was stopped before it) still shows it
        searchAttributes.flush(status);
        // every kill/cancel caller gets its answer and every webhook child is started before we end
        Workflow.await(Workflow::isEveryHandlerFinished);
        webhooks.awaitStarted();
        return new ExecutionOutcome(execution.executionId(), status, lastReason);
    }

    private static int admissionVersion() {
        return Workflow.getVersion(QueueSlot.TABLE_ADMISSION, Workflow.DEFAULT_VERSION, QueueSlot.ONE_STEP_END);
    }

    private void drive() {
        if (status == CREATED && oneStepAdmission && stopRequest == null && !enterQueue()) {
            return;
        }
        if (status == CREATED && !transition(ACCEPTED, null, queuedReason(), null)) {
            return;
        }
        if (status == ACCEPTED && !admit()) {
            return;
        }
        if (status == STARTING && appId == null && !launch()) {
            return;
        }
        monitor();
    }

    /**
     * CREATED -> ACCEPTED and, with a free slot, -> STARTING, written by one local activity; recorded
     * here as the separate transitions would be. False when the row had moved on (nothing queued).
     */
    private boolean enterQueue() {
        String granted = grantedReason();
        AdmitAnswer answer = slot.enter(queuedReason(), granted, SOURCE);
        if (answer.status() != ACCEPTED && answer.status() != STARTING) {
            log.warn("execution {}: {} -> {} refused, row is {}", execution.executionId(), status, ACCEPTED,
                    answer.status());
            status = answer.status();
            return false;
        }
        moved(ACCEPTED, queuedReason());
        if (answer.status() == STARTING) {
            moved(STARTING, granted);
            // admitted at once: the one upsert held since the start says STARTING
            searchAttributes.flush(status);
        }
        return true;
    }

    private String queuedReason() {
        return "queued in " + execution.queueKey();
    }

    private String grantedReason() {
        return "slot granted in " + execution.clusterQueueKey();
    }

    /** ACCEPTED -> STARTING once the queue grants a slot, or CANCELED/KILLED if stopped while waiting. */
    private boolean admit() {
        // shown as ACCEPTED while it waits; granted at once, the STARTING change says it all
        slot.await(() -> stopRequest != null, () -> searchAttributes.flush(status));
        searchAttributes.unhold();
        if (stopRequest != null) {
            // nothing was launched: no cluster call, just the final status
            transition(CANCEL.equals(stopKind) ? CANCELED : KILLED, null, stopRequest.reason(), null);
            slot.release("stopped while queued");
            return false;
        }
        if (!transition(STARTING, EnumSet.of(ACCEPTED), grantedReason(), null)) {
            slot.release("not startable");
            return false;
        }
        return true;
    }

    /** Runs the launch activity; a launch that fails for good is START_FAILED. */
    private boolean launch() {
        launchAttempts++;
        Promise<LaunchAppResult> launched = Async.function(launcher::launch,
                new LaunchAppRequest(execution.executionId(), execution.cluster()));
        // a kill during launch waits for it: the application may exist as soon as launch returns
        Workflow.await(launched::isCompleted);
        try {
            LaunchAppResult result = launched.get();
            appId = result.appId();
            launchedHere = true;
            if (result.observation() != null) {
                inbox.add(result.observation());
            } else {
                inbox.add(new ClusterObservation(execution.executionId(), appId, ClusterPhase.PENDING, "LAUNCHED",
                        null, null, null, null, null, null, Workflow.currentTimeMillis()));
            }
            return true;
        } catch (ActivityFailure e) {
            transition(START_FAILED, EnumSet.of(STARTING), "launch failed: " + ObservationText.rootMessage(e), null);
            slot.release("start failed");
            return false;
        }
    }

    /** Applies observations until a terminal status; polls the cluster when the observers are silent. */
    private void monitor() {
        // only after this run's own launch: a run resumed or continued past it has been away, and looks at once
        if (launchedHere && !status.isTerminal()
                && Workflow.getVersion(DEFERRED_POLL, Workflow.DEFAULT_VERSION, 1) >= 1) {
            fallback.deferUntil(Workflow.currentTimeMillis() + execution.settings().pollIntervalMillis());
        }
        while (!status.isTerminal()) {
            if (stopRequest != null) {
                Workflow.newDetachedCancellationScope(this::stop).run();
                return;
            }
            recordReports();
            while (!inbox.isEmpty() && !status.isTerminal()) {
                apply(inbox.remove(0));
            }
            if (status.isTerminal()) {
                break;
            }
            checkGrace();
            if (status.isTerminal()) {
                break;
            }
            if (Workflow.getInfo().isContinueAsNewSuggested() && Workflow.isEveryHandlerFinished()
                    && inbox.isEmpty() && reports.isEmpty() && stopRequest == null) {
                fallback.cancel();
                webhooks.awaitStarted();
                Workflow.continueAsNew(new ExecutionInput(execution.executionId(), snapshot()));
            }
            fallback.ensure(execution, appId, knownPhase);
            Duration wait = earlier(status == UNKNOWN ? unobservability.lostRemaining(status, lastObservation)
                    : unobservability.graceRemaining(status), fallback.deferral(Workflow.currentTimeMillis()));
            Supplier<Boolean> news = () -> !inbox.isEmpty() || !reports.isEmpty() || stopRequest != null
                    || fallback.answered();
            if (wait == null) {
                Workflow.await(news);
            } else {
                Workflow.await(wait, news);
            }
            if (fallback.answered()) {
                Promise<ClusterObservation> current = fallback.current();
                fallback.forget();
                try {
                    inbox.add(current.get());
                } catch (ActivityFailure e) {
                    // the bounded poll gave up (schedule-to-close): start a fresh one next round
                    log.info("poll for execution {} ended: {}", execution.executionId(),
                            ObservationText.rootMessage(e));
                }
            }
        }
        fallback.cancel();
        slot.release("ended " + status);
    }

    /** The shorter of two waits; null (no deadline) only when both are. */
    private static Duration earlier(Duration a, Duration b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Maps one observation onto Maple's status; the workflow knows the history the cluster does not. */
    private void apply(ClusterObservation o) {
        lastObservation = o;
        if (o.appId() != null) {
            appId = o.appId();
        }
        ClusterPhase phase = o.phase();
        unobservability.observed(phase);
        String reason = ObservationText.describe(o);
        switch (phase) {
            case PENDING -> {
                if (status == UNKNOWN) {
                    transition(statusBeforeUnknown == RUNNING ? RUNNING : STARTING, null, "observable again: " + reason, o);
                }
            }
            case RUNNING -> {
                sawRunning = true;
                if (status != RUNNING) {
                    transition(RUNNING, null, reason, o);
                }
            }
            case SUCCEEDED -> transition(SUCCEED, null, reason, o);
            case FAILED, START_FAILED -> {
                boolean neverRan = !sawRunning && (status == STARTING
                        || (status == UNKNOWN && statusBeforeUnknown == STARTING));
                if (neverRan && status == UNKNOWN) {
                    transition(STARTING, null, "observable again: " + reason, o);
                }
                transition(neverRan ? START_FAILED : FAILED, null, reason, o);
            }
            case KILLED -> transition(CANCEL.equals(stopKind) ? CANCELED : KILLED, null, reason, o);
            case CANCELED -> transition(canceledOnCluster(), null, reason, o);
            case NOT_FOUND, UNREACHABLE -> {
                // counted by unobservability: the grace and not-found deadlines act on it
            }
        }
        knownPhase = phase;
    }

    /** A job cancelled on the cluster (Flink CANCELED) is CANCELED, unless it was Maple's kill. */
    private ExecutionStatus canceledOnCluster() {
        if (stopKind != null) {
            return CANCEL.equals(stopKind) ? CANCELED : KILLED;
        }
        return cancelIsNotKill ? CANCELED : KILLED;
    }

    /**
     * UNKNOWN once the cluster has been unobservable for longer than the grace period; FAILED when,
     * UNKNOWN, the cluster still answers without the application for {@code notFoundFailAfter} more
     * (an unreachable cluster proves nothing, so it stays UNKNOWN).
     */
    private void checkGrace() {
        Duration remaining = unobservability.graceRemaining(status);
        if (remaining != null && remaining.isZero() && status != UNKNOWN) {
            statusBeforeUnknown = status;
            transition(UNKNOWN, null, "cluster unobservable for " + execution.settings().unknownGraceMillis()
                    + " ms: " + ObservationText.describe(lastObservation), lastObservation);
            return;
        }
        Duration lost = unobservability.lostRemaining(status, lastObservation);
        if (lost != null && lost.isZero()) {
            transition(FAILED, EnumSet.of(UNKNOWN), "application not found on the cluster for "
                    + unobservability.millisSoFar() + " ms: " + ObservationText.describe(lastObservation),
                    lastObservation);
        }
    }

    /** Kill or cancel after launch: kill the application, then the final status. Runs detached. */
    private void stop() {
        fallback.cancel();
        ClusterObservation seen = null;
        String reason = stopRequest.reason();
        if (status.mayHaveClusterApplication() || appId != null) {
            try {
                seen = stopApplication();
                lastObservation = seen;
            } catch (ActivityFailure e) {
                reason = reason + " (kill not confirmed: " + ObservationText.rootMessage(e) + ")";
            }
        }
        if (seen != null && (seen.phase() == ClusterPhase.SUCCEEDED || seen.phase() == ClusterPhase.FAILED)) {
            // the application ended on its own before the kill reached it: report what really happened
            apply(seen);
        }
        if (!status.isTerminal()) {
            transition(CANCEL.equals(stopKind) ? CANCELED : KILLED, null, reason, seen);
        }
        slot.release("stopped");
    }

    /** A cancel runs the cluster's cancel (a FlinkDeployment is suspended, not deleted); a kill its kill. */
    private ClusterObservation stopApplication() {
        if (CANCEL.equals(stopKind) && cancelIsNotKill) {
            return killer.cancel(new CancelAppRequest(execution.executionId(), execution.cluster(), appId));
        }
        return killer.kill(new KillAppRequest(execution.executionId(), execution.cluster(), appId));
    }

    /** One status change through the persistence activity; false when the row could not move there. */
    private boolean transition(ExecutionStatus to, java.util.Set<ExecutionStatus> expectedFrom, String reason,
                               ClusterObservation observation) {
        if (status == to) {
            return true;
        }
        TransitionRequest request = new TransitionRequest(execution.executionId(), to, expectedFrom, reason, SOURCE,
                observation);
        TransitionResult result = to.isTerminal() && slot.departsWithEnd() ? slot.depart(request, "ended " + to)
                : store.recordTransition(request);
        // a retried activity whose first attempt committed reports not-applied with current == to
        boolean applied = result.applied() || result.current() == to;
        if (applied) {
            moved(to, reason);
        } else {
            log.warn("execution {}: {} -> {} refused, row is {}", execution.executionId(), status, to,
                    result.current());
        }
        status = result.current();
        return applied;
    }

    /** What follows a status change the row took: counted, searchable, told to the webhooks. */
    private void moved(ExecutionStatus to, String reason) {
        ExecutionStatus old = status;
        status = to;
        transitions++;
        lastReason = reason;
        searchAttributes.changed(to);
        webhooks.statusChanged(transitions, old, to, reason, appId);
    }

    private void recordReports() {
        while (!reports.isEmpty()) {
            EngineReport report = reports.remove(0);
            String previous = lastReport == null ? null : lastReport.status();
            lastReport = report;
            if (report.status() == null || report.status().equals(previous)) {
                continue;
            }
            store.recordReport(report);
            ClusterPhase phase = switch (report.status()) {
                case "RUNNING" -> ClusterPhase.RUNNING;
                case "SUCCEED" -> ClusterPhase.SUCCEEDED;
                case "FAILED" -> ClusterPhase.FAILED;
                default -> null;
            };
            if (phase != null) {
                inbox.add(new ClusterObservation(execution.executionId(), appId, phase, "ENGINE_REPORT", report.status(),
                        report.message(), null, null, null, null, report.reportedAtMillis()));
            }
        }
    }

    private ExecutionState snapshot() {
        // a query may come before the first task has set everything up
        Long unobservableSince = unobservability == null ? null : unobservability.since();
        return new ExecutionState(execution, status, appId, launchAttempts, lastObservation, lastReport, sawRunning,
                slot.holds(), unobservableSince, statusBeforeUnknown, transitions, stopKind, slot.table());
    }

    private void restore(ExecutionState s) {
        execution = s.execution();
        status = s.status();
        appId = s.appId();
        launchAttempts = s.launchAttempts();
        lastObservation = s.lastObservation();
        lastReport = s.lastReport();
        sawRunning = s.sawRunning();
        slot.restore(s.holdsSlot());
        statusBeforeUnknown = s.statusBeforeUnknown();
        transitions = s.transitions();
        knownPhase = lastObservation == null ? null : lastObservation.phase();
    }

    // ---- messages: record what arrived; the main loop acts on it ----

    @Override
    public void observe(ClusterObservation observation) {
        inbox.add(observation);
    }

    @Override
    public void report(EngineReport report) {
        reports.add(report);
    }

    @Override
    public void slotGranted(SlotGrant grant) {
        slot.granted();
    }

    @Override
    public StopResult kill(StopRequest request) {
        return requestStop(KILL, request);
    }

    @Override
    public void validateKill(StopRequest request) {
        rejectWhenTerminal("kill");
    }

    @Override
    public StopResult cancel(StopRequest request) {
        return requestStop(CANCEL, request);
    }

    @Override
    public void validateCancel(StopRequest request) {
        rejectWhenTerminal("cancel");
    }

    private StopResult requestStop(String kind, StopRequest request) {
        if (stopRequest == null) {
            // the first stop wins: a second kill (or a cancel after a kill) waits for the same end
            stopKind = kind;
            stopRequest = request;
        }
        Workflow.await(() -> status != null && status.isTerminal());
        return new StopResult(execution.executionId(), status, lastReason);
    }

    private void rejectWhenTerminal(String what) {
        if (status != null && status.isTerminal()) {
            throw ApplicationFailure.newNonRetryableFailure("cannot " + what + ": execution is already " + status,
                    ErrorTypes.ALREADY_TERMINAL.name());
        }
    }

    @Override
    public ExecutionState state() {
        return snapshot();
    }
}
