package io.maple.activities.execution;

import static io.maple.activities.support.WorkflowHarness.conf;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maple.activities.config.LocalLauncherProperties;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.workflow.WorkflowStates;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.queue.QueueSlots;
import io.maple.persistence.execution.StatusHistoryRecord;
import io.maple.workflows.contract.ErrorTypes;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.ExecutionOutcome;
import io.maple.workflows.execution.ExecutionState;
import io.maple.workflows.execution.StopRequest;
import io.maple.workflows.execution.StopResult;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every path of the execution workflow against real MariaDB, the Temporal test server and real processes. */
@SpringBootTest(classes = WorkflowTestApp.class)
class EngineExecutionWorkflowIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "workflow");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    ExecutionStore store;
    @Autowired
    WorkflowStates workflows;
    @Autowired
    LocalLauncherProperties local;
    @Autowired
    QueueSlots slots;

    @BeforeEach
    void start() {
        harness.start();
    }

    /** A path that does not exist yet: the go signal of {@link #runningUntil}. */
    private static Path absentFile() throws java.io.IOException {
        Path go = Files.createTempFile("maple-go", "");
        Files.delete(go);
        return go;
    }

    /** Submits a job on {@code queue} that runs until {@code go} exists, once it runs. */
    private long runningUntil(Path go, String queue) {
        long id = harness.submit(queue, 1, "while [ ! -f " + go + " ]; do sleep 0.1; done");
        harness.awaitStatus(id, RUNNING, WAIT);
        return id;
    }

    private ExecutionOutcome result(long id) {
        return WorkflowStub.fromTyped(harness.workflow(id)).getResult(ExecutionOutcome.class);
    }

    private List<ExecutionStatus> path(long id) {
        return store.history(id).stream().map(StatusHistoryRecord::toStatus).toList();
    }

    @Test
    void successRunsTheScriptAndWalksTheWholeFlow() throws Exception {
        long id = harness.submit("main", 2, "echo hello; sleep 1; exit 0");
        ExecutionOutcome outcome = result(id);
        assertThat(outcome.status()).isEqualTo(SUCCEED);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, SUCCEED);
        assertThat(Files.readString(local.workDir().resolve(id + "/stdout.log"))).contains("hello");
        String execInfo = store.extInfo(id).execInfo();
        assertThat(execInfo).contains("\"lastStatus\":\"SUCCEED\"").contains("EXITED");
        assertThat(store.require(id).startTime()).isNotNull();
        assertThat(store.require(id).endTime()).isNotNull();
        // with a free slot, one local activity after the load accepts, queues and starts it (one commit), and
        // the one that writes SUCCEED gives the slot back: load, admit, RUNNING, SUCCEED and nothing else
        List<HistoryEvent> events = harness.client().fetchHistory(WorkflowIds.forExecution(id)).getEvents();
        Predicate<HistoryEvent> localActivity = e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
                && e.getMarkerRecordedEventAttributes().getMarkerName().equals("LocalActivity");
        assertThat(events.stream().takeWhile(e -> e.getEventType() != EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .filter(localActivity)).hasSize(2);
        assertThat(events.stream().filter(localActivity)).hasSize(4);
        harness.recordHistory(id, "execution-success");
    }

    /** What the worker's resume pass skips without a lookup each: executions whose workflow is open. */
    @Test
    void openExecutionsListsTheRunningWorkflowsOnly() throws Exception {
        Path go = absentFile();
        long running = runningUntil(go, "main");
        long ended = harness.submit("main", 1, "exit 0");
        assertThat(result(ended).status()).isEqualTo(SUCCEED);

        // the open one shows, a closed one does not (nor the queue's admission workflow, of another type)
        assertThat(workflows.openExecutions()).contains(running).doesNotContain(ended);
        Files.createFile(go);
        assertThat(result(running).status()).isEqualTo(SUCCEED);
        assertThat(workflows.openExecutions()).doesNotContain(running);
    }

    @Test
    void renderErrorIsStartFailed() {
        long id = harness.create(WorkflowHarness.CLUSTER, "main", 1, conf("exit 0", "invalid", true), null);
        harness.startWorkflow(id);
        assertThat(result(id).status()).isEqualTo(START_FAILED);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, START_FAILED);
        assertThat(store.history(id).get(3).reason()).contains("invalid configuration");
        assertThat(local.workDir().resolve(String.valueOf(id))).doesNotExist();
        harness.recordHistory(id, "execution-start-failed");
    }

    @Test
    void nonZeroExitAfterRunningIsFailed() {
        long id = harness.submit("main", 1, "sleep 1; echo boom >&2; exit 3");
        assertThat(result(id).status()).isEqualTo(FAILED);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, FAILED);
        assertThat(store.history(id).get(4).reason()).contains("exit code 3").contains("boom");
    }

    @Test
    void killWhileAcceptedNeverLaunches() throws Exception {
        Path go = absentFile();
        long holder = runningUntil(go, "single");
        long queued = harness.submit("single", 1, "exit 0");
        harness.awaitStatus(queued, ACCEPTED, WAIT);
        awaitQueuePosition(queued, 1);

        StopResult killed = harness.workflow(queued).kill(new StopRequest("not needed", "alice"));
        assertThat(killed.status()).isEqualTo(KILLED);
        assertThat(path(queued)).containsExactly(CREATED, ACCEPTED, KILLED);
        assertThat(local.workDir().resolve(String.valueOf(queued))).doesNotExist();

        Files.createFile(go);
        assertThat(result(holder).status()).isEqualTo(SUCCEED);
    }

    @Test
    void cancelWhileQueuedIsCanceledWithoutLaunching() throws Exception {
        Path go = absentFile();
        long holder = runningUntil(go, "single");
        long queued = harness.submit("single", 1, "exit 0");
        harness.awaitStatus(queued, ACCEPTED, WAIT);

        StopResult canceled = harness.workflow(queued).cancel(new StopRequest("changed my mind", "bob"));
        assertThat(canceled.status()).isEqualTo(CANCELED);
        assertThat(path(queued)).containsExactly(CREATED, ACCEPTED, CANCELED);
        assertThat(local.workDir().resolve(String.valueOf(queued))).doesNotExist();
        result(queued);
        harness.recordHistory(queued, "execution-cancel-queued");
        Files.createFile(go);
        assertThat(result(holder).status()).isEqualTo(SUCCEED);
    }

    @Test
    void killWhileStartingWaitsForTheLaunchThenKillsTheProcess() throws Exception {
        stopWhileStartingWaitsForTheLaunchThenStopsTheProcess(false);
    }

    @Test
    void cancelWhileStartingWaitsForTheLaunchThenStopsTheProcess() throws Exception {
        stopWhileStartingWaitsForTheLaunchThenStopsTheProcess(true);
    }

    /**
     * The stop reaches the workflow while its launch still renders (5 s, held by the script source): it
     * waits for the launch, whose process starts and writes its marker, then stops that process; the
     * execution goes from STARTING straight to its end, never through RUNNING.
     */
    private void stopWhileStartingWaitsForTheLaunchThenStopsTheProcess(boolean cancel) throws Exception {
        long id = harness.create(WorkflowHarness.CLUSTER, "main", 1,
                conf("echo started > marker; sleep 600", "renderDelayMillis", 5000), null);
        harness.startWorkflow(id);
        harness.awaitStatus(id, STARTING, WAIT);
        Path dir = local.workDir().resolve(String.valueOf(id));
        assertThat(store.require(id).status()).as("status when the stop is sent").isEqualTo(STARTING);
        assertThat(dir.resolve("marker")).as("nothing launched yet when the stop is sent").doesNotExist();

        StopRequest request = new StopRequest("too slow", "alice");
        StopResult stopped = cancel ? harness.workflow(id).cancel(request) : harness.workflow(id).kill(request);

        ExecutionStatus end = cancel ? CANCELED : KILLED;
        assertThat(stopped.status()).isEqualTo(end);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, end);
        StatusHistoryRecord last = store.history(id).get(3);
        assertThat(last.fromStatus()).isEqualTo(STARTING);
        assertThat(last.reason()).startsWith("too slow");
        // the launch finished before the stop: its process ran and wrote the marker, and is gone now
        assertThat(Files.readString(dir.resolve("marker")).trim()).isEqualTo("started");
        long pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
        assertThat(gone(pid)).isTrue();
    }

    @Test
    void killWhileRunningKillsTheProcessGroup() throws Exception {
        long id = harness.submit("main", 1, "sleep 600 & echo $! > child.pid; wait");
        harness.awaitStatus(id, RUNNING, WAIT);
        Path dir = local.workDir().resolve(String.valueOf(id));
        while (!Files.exists(dir.resolve("child.pid"))) {
            Thread.sleep(20);
        }
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
        StopResult killed = harness.workflow(id).kill(new StopRequest("stop it", "alice"));
        assertThat(killed.status()).isEqualTo(KILLED);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, KILLED);
        assertThat(store.history(id).get(4).reason()).isEqualTo("stop it");
        // the whole group went, not only the wrapper (a zombie awaiting its reaper is gone too)
        assertThat(gone(child)).isTrue();
        result(id);
        harness.recordHistory(id, "execution-kill");
    }

    @Test
    void doubleKillEndsOnceAndKillAfterTerminalIsRejected() {
        long id = harness.submit("main", 1, "sleep 600");
        harness.awaitStatus(id, RUNNING, WAIT);
        CompletableFuture<StopResult> first = CompletableFuture.supplyAsync(
                () -> harness.workflow(id).kill(new StopRequest("first", "a")));
        CompletableFuture<StopResult> second = CompletableFuture.supplyAsync(
                () -> harness.workflow(id).kill(new StopRequest("second", "b")));
        assertThat(first.join().status()).isEqualTo(KILLED);
        assertThat(second.join().status()).isEqualTo(KILLED);
        assertThat(path(id).stream().filter(s -> s == KILLED)).hasSize(1);

        // rejected by the validator while the workflow is still open, or not found once it closed:
        // both mean 409 at the REST layer (ExecutionWorkflows checks the row)
        assertThatThrownBy(() -> harness.workflow(id).kill(new StopRequest("late", "c")))
                .satisfies(e -> assertThat(isTerminalRejection(e)).as(e.toString()).isTrue());
        assertThat(result(id).status()).isEqualTo(KILLED);
        assertThatThrownBy(() -> harness.workflow(id).cancel(new StopRequest("late", "c")))
                .isInstanceOf(WorkflowNotFoundException.class);
        assertThat(store.require(id).status()).isEqualTo(KILLED);
    }

    @Test
    void unobservableClusterBecomesUnknownAndRecovers() throws Exception {
        Path go = absentFile();
        long id = runningUntil(go, "main");
        Path dir = local.workDir().resolve(String.valueOf(id));
        Path hidden = hideUntilUnknown(id);
        ExecutionState state = harness.workflow(id).state();
        assertThat(state.status()).isEqualTo(UNKNOWN);
        assertThat(state.lastObservation().phase().name()).isEqualTo("NOT_FOUND");

        Files.move(hidden, dir);
        harness.awaitStatus(id, RUNNING, WAIT);
        Files.createFile(go);
        assertThat(result(id).status()).isEqualTo(SUCCEED);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, UNKNOWN, RUNNING, SUCCEED);
        harness.recordHistory(id, "execution-unknown-recovered");
    }

    @Test
    void killWhileUnknownEndsKilled() throws Exception {
        stopWhileUnknown(false);
    }

    @Test
    void cancelWhileUnknownEndsCanceled() throws Exception {
        stopWhileUnknown(true);
    }

    /** A stop while the cluster cannot be observed still ends the execution, from UNKNOWN. */
    private void stopWhileUnknown(boolean cancel) throws Exception {
        long id = runningUntil(absentFile(), "main");
        Path hidden = hideUntilUnknown(id);
        long pid = Long.parseLong(Files.readString(hidden.resolve("pid")).trim());
        try {
            StopRequest request = new StopRequest("blind stop", "alice");
            StopResult stopped = cancel ? harness.workflow(id).cancel(request) : harness.workflow(id).kill(request);

            ExecutionStatus end = cancel ? CANCELED : KILLED;
            assertThat(stopped.status()).isEqualTo(end);
            assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, UNKNOWN, end);
            StatusHistoryRecord last = store.history(id).get(5);
            assertThat(last.fromStatus()).isEqualTo(UNKNOWN);
            assertThat(last.reason()).startsWith("blind stop");
            assertThat(result(id).status()).isEqualTo(end);
        } finally {
            // the launcher could not see the process to stop it (that is what UNKNOWN means here)
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Hides the running execution's directory from the launcher (NOT_FOUND) until the workflow says UNKNOWN. */
    private Path hideUntilUnknown(long id) throws Exception {
        Path dir = local.workDir().resolve(String.valueOf(id));
        Path hidden = local.workDir().resolve(id + ".hidden");
        // the process keeps running, but the launcher can no longer find it: NOT_FOUND
        Files.move(dir, hidden);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (harness.status(id) != UNKNOWN && System.nanoTime() < deadline) {
            harness.env().sleep(Duration.ofSeconds(30)); // skips the grace period in workflow time
        }
        assertThat(harness.status(id)).isEqualTo(UNKNOWN);
        return hidden;
    }

    @Test
    void queryShowsLiveState() throws Exception {
        long id = harness.submit("main", 1, "sleep 600");
        harness.awaitStatus(id, RUNNING, WAIT);
        // the row commits inside the activity, the workflow learns it when the result comes back
        ExecutionState state = harness.workflow(id).state();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (state.status() != RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(20);
            state = harness.workflow(id).state();
        }
        assertThat(state.status()).isEqualTo(RUNNING);
        assertThat(state.appId()).isNotBlank();
        assertThat(state.launchAttempts()).isEqualTo(1);
        assertThat(state.holdsSlot()).isTrue();
        assertThat(state.lastObservation().phase().name()).isEqualTo("RUNNING");
        harness.workflow(id).kill(new StopRequest("done", "t"));
    }

    @Test
    void temporalCancellationOfTheWorkflowKillsTheApplication() throws Exception {
        long id = harness.submit("main", 1, "sleep 600");
        harness.awaitStatus(id, RUNNING, WAIT);
        WorkflowStub stub = harness.client().newUntypedWorkflowStub(WorkflowIds.forExecution(id));
        stub.cancel();
        harness.awaitStatus(id, CANCELED, WAIT);
        long pid = Long.parseLong(store.history(id).isEmpty() ? "0" : readPid(id));
        assertThat(gone(pid)).isTrue();
    }

    private static boolean isTerminalRejection(Throwable e) {
        if (e instanceof WorkflowNotFoundException) {
            return true;
        }
        return e instanceof WorkflowUpdateException && e.getCause() instanceof ApplicationFailure af
                && ErrorTypes.ALREADY_TERMINAL.name().equals(af.getType());
    }

    private String readPid(long id) {
        try {
            return Files.readString(local.workDir().resolve(id + "/pid")).trim();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Gone or a zombie waiting for its reaper (PID 1 in this sandbox reaps slowly). */
    private static boolean gone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
            } catch (java.io.IOException e) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private void awaitQueuePosition(long id, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (slots.position(id) != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(slots.position(id)).isEqualTo(expected);
    }
}
