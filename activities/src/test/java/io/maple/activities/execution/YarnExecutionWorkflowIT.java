package io.maple.activities.execution;

import static io.maple.domain.ExecutionStatus.ACCEPTED;
import static io.maple.domain.ExecutionStatus.CREATED;
import static io.maple.domain.ExecutionStatus.FAILED;
import static io.maple.domain.ExecutionStatus.KILLED;
import static io.maple.domain.ExecutionStatus.RUNNING;
import static io.maple.domain.ExecutionStatus.STARTING;
import static io.maple.domain.ExecutionStatus.START_FAILED;
import static io.maple.domain.ExecutionStatus.SUCCEED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.launch.yarn.MiniYarn;
import io.maple.activities.launch.yarn.YarnApp;
import io.maple.activities.launch.yarn.YarnClientApplicationsSource;
import io.maple.activities.launch.yarn.YarnClients;
import io.maple.activities.launch.yarn.YarnLauncher;
import io.maple.activities.launch.yarn.YarnTags;
import io.maple.activities.monitor.yarn.YarnPollers;
import io.maple.activities.support.ClusterWorkers;
import io.maple.activities.support.FirstLaunchHangs;
import io.maple.activities.support.FirstLaunchReplyLost;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ClusterCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.ExecutionOutcome;
import io.maple.workflows.execution.StopRequest;
import io.maple.workflows.execution.StopResult;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real execution workflow on a real in-process YARN: real activities, the real
 * {@code YarnLauncher} running the YARN tests' bash submit scripts, and the real batched
 * {@link YarnPollers} signalling {@code observe}. The workflow's own fallback poll is left at its
 * 60 s default, so the transitions seen within seconds come from the poller's signals.
 */
@ExtendWith(MiniYarn.class)
// closed after the class: its poller/informers and test server must not keep running under later classes
@DirtiesContext
@SpringBootTest(classes = WorkflowTestApp.class, properties = {
        "maple.yarn.poll-interval=300ms",
        // shorter than a launch script takes: the poller reports NOT_FOUND while the launch still runs
        "maple.yarn.not-found-grace=1s",
        "maple.yarn.kill-confirm-timeout=30s",
        // the STARTING bound: long enough for a loaded 2-core machine to start a test AM, short for the stuck one
        "maple.yarn.starting-timeout=15s"})
class YarnExecutionWorkflowIT {

    private static final String CLUSTER = "yarn1";
    /** Served by a worker of the test's own whose first launch dies after submitting. */
    private static final String CRASH_CLUSTER = "yarn-crash";
    /** Served by a worker of the test's own whose first launch freezes after submitting. */
    private static final String RESUME_CLUSTER = "yarn-resume";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.registerYarn(registry, "yarn_workflow");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    ExecutionStore store;
    @Autowired
    ClusterMapper clusters;
    @Autowired
    ClusterWorkers clusterWorkers;
    @Autowired
    YarnClients yarn;
    @Autowired
    YarnPollers pollers;
    @Autowired
    YarnLauncher launcher;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void start() {
        TestDatabase.startExecutionIdsAt(dataSource, 400_000L);
        Instant now = Instant.now();
        harness.start(List.of(new ClusterRecord(null, CLUSTER, ClusterCategory.YARN, MiniYarn.clusterConfigJson(),
                "in-process MiniYARNCluster", now, now)));
        assertThat(pollers.isRunning()).isTrue();
    }

    private long submit(String mode, long millis) {
        long id = harness.create(CLUSTER, "default", 1, Map.of("yarnApp", Map.of("mode", mode, "millis", millis)), null);
        harness.startWorkflow(id);
        return id;
    }

    private ExecutionOutcome result(long id) {
        return WorkflowStub.fromTyped(harness.workflow(id)).getResult(ExecutionOutcome.class);
    }

    private List<ExecutionStatus> path(long id) {
        return store.history(id).stream().map(StatusHistoryRecord::toStatus).toList();
    }

    private List<YarnApp> appsTagged(long id) {
        return new YarnClientApplicationsSource(yarn, clusters.findClusterByName(CLUSTER))
                .applicationsTagged(Set.of(YarnTags.forExecution(id)));
    }

    /** observe signals the workflow received (the poller's, not the workflow's own polls). */
    private long observeSignals(long id) {
        return harness.client().fetchHistory(WorkflowIds.forExecution(id)).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
                .filter(e -> e.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals("observe"))
                .count();
    }

    @Test
    void anApplicationThatSucceedsEndsSucceedThroughThePollersSignals() throws Exception {
        long id = submit("succeed", 3000);
        // waited for in wall time: the 60 s fallback poll never fires, only the poller can move it
        harness.awaitStatus(id, SUCCEED, WAIT);

        assertThat(result(id).status()).isEqualTo(SUCCEED);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, SUCCEED);
        assertThat(observeSignals(id)).isGreaterThanOrEqualTo(2);
        YarnApp app = appsTagged(id).get(0);
        assertThat(app.state()).hasToString("FINISHED");
        assertThat(harness.workflow(id).state().appId()).isEqualTo(app.appId());
        // exec_info written by the poller and by the transitions: one entry per phase, the app's detail kept
        String execInfo = store.extInfo(id).execInfo();
        assertThat(execInfo).contains("\"lastClusterStatus\":\"SUCCEEDED\"").contains("\"rawStatus\":\"FINISHED\"")
                .contains("\"appId\":\"" + app.appId() + "\"").contains("\"trackingUrl\"");
        List<String> clusterStatuses = new ObjectMapper().readTree(execInfo).path("clusterInfo").path("statuses")
                .findValuesAsText("status");
        assertThat(clusterStatuses).containsSubsequence("PENDING", "RUNNING", "SUCCEEDED").doesNotHaveDuplicates();
        assertThat(store.require(id).endTime()).isNotNull();
    }

    @Test
    void anApplicationThatFailsAfterRunningEndsFailed() {
        long id = submit("fail", 2000);
        harness.awaitStatus(id, FAILED, WAIT);

        assertThat(result(id).status()).isEqualTo(FAILED);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, FAILED);
        assertThat(store.history(id).get(4).reason()).contains("FINISHED/FAILED").contains("test AM failed on purpose");
    }

    @Test
    void anApplicationMasterThatDiesBeforeRegisteringIsStartFailed() {
        long id = submit("crash", 0);
        harness.awaitStatus(id, START_FAILED, WAIT);

        assertThat(result(id).status()).isEqualTo(START_FAILED);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, START_FAILED).doesNotContain(RUNNING);
        assertThat(store.history(id).get(3).reason()).contains("FAILED");
        assertThat(appsTagged(id)).singleElement().extracting(YarnApp::state).hasToString("FAILED");
    }

    @Test
    void killThroughTheWorkflowWhileRunningKillsTheApplicationOnTheRm() {
        long id = submit("succeed", 600_000);
        harness.awaitStatus(id, RUNNING, WAIT);

        StopResult killed = harness.workflow(id).kill(new StopRequest("stop it", "alice"));

        assertThat(killed.status()).isEqualTo(KILLED);
        assertThat(appsTagged(id)).singleElement().extracting(YarnApp::state).hasToString("KILLED");
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, KILLED);
        assertThat(store.history(id).get(4).reason()).isEqualTo("stop it");
        assertThat(result(id).status()).isEqualTo(KILLED);
    }

    @Test
    void anApplicationStuckInAcceptedPastTheStartingBoundIsKilledAndStartFailed() {
        // the AM never registers: YARN keeps the app ACCEPTED until Maple's bound (15 s here) kills it
        long id = submit("pending", 600_000);
        harness.awaitStatus(id, START_FAILED, WAIT);

        assertThat(result(id).status()).isEqualTo(START_FAILED);
        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, START_FAILED);
        assertThat(store.history(id).get(3).reason()).contains("stayed ACCEPTED longer than PT15S")
                .contains("killed by Maple").contains("YARN diagnostics");
        assertThat(appsTagged(id)).singleElement().extracting(YarnApp::state).hasToString("KILLED");
        assertThat(store.extInfo(id).execInfo()).contains("\"lastClusterStatus\":\"START_FAILED\"");
    }

    @Test
    void aLaunchThatDiedAfterSubmittingIsAdoptedOnRetryWithExactlyOneApplication() throws Exception {
        ensureYarnCluster(CRASH_CLUSTER);
        WorkerFactory worker = clusterWorkers.start(CRASH_CLUSTER, new FirstLaunchReplyLost(launcher));
        try {
            long id = harness.create(CRASH_CLUSTER, "default", 1,
                    Map.of("yarnApp", Map.of("mode", "succeed", "millis", 3000)), null);
            harness.startWorkflow(id);
            harness.awaitStatus(id, SUCCEED, WAIT);

            assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, SUCCEED);
            // one application on the RM with the tag: the retry found it there and adopted it
            assertThat(appsTagged(id)).singleElement().extracting(YarnApp::state).hasToString("FINISHED");
            assertThat(launchActivityAttempts(id)).isEqualTo(2);
            assertThat(harness.workflow(id).state().launchAttempts()).isEqualTo(1);
            String log = Files.readString(launcher.workDirOf(id).resolve("launch.log"));
            assertThat(log.split("launching execution", -1)).as("the script ran once").hasSize(2);
        } finally {
            worker.shutdownNow();
        }
    }

    /**
     * Issue 25: Temporal forgets a workflow between the submit and its report (its run is terminated
     * here; the dev server's restart loses it the same way). The row stays STARTING without an
     * application id; the workflow started again from it, as the worker's StrandedExecutionResumer
     * does, launches through the launcher's adoption: it finds the tagged application and follows it,
     * and YARN never sees a second one.
     */
    @Test
    void anExecutionCaughtInStartingIsResumedByAdoptingItsTaggedApplication() throws Exception {
        ensureYarnCluster(RESUME_CLUSTER);
        FirstLaunchHangs frozen = new FirstLaunchHangs(launcher);
        WorkerFactory worker = clusterWorkers.start(RESUME_CLUSTER, frozen);
        try {
            long id = harness.create(RESUME_CLUSTER, "default", 1,
                    Map.of("yarnApp", Map.of("mode", "succeed", "millis", 3000)), null);
            harness.startWorkflow(id);
            assertThat(frozen.awaitSubmitted(WAIT)).as("the first launch submitted").isTrue();
            harness.client().newUntypedWorkflowStub(WorkflowIds.forExecution(id)).terminate("Temporal forgot it");
            frozen.release();
            assertThat(store.require(id).status()).isEqualTo(STARTING);
            assertThat(appsTagged(id)).as("the frozen launch's application").hasSize(1);

            harness.startWorkflow(id);
            harness.awaitStatus(id, SUCCEED, WAIT);
            // the resumed run (it adopts its queue slot, Workflow.getVersion resume-adopts-slot) for the replay test
            harness.recordHistory(id, "execution-resumed-starting");

            assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, RUNNING, SUCCEED);
            assertThat(appsTagged(id)).singleElement().extracting(YarnApp::state).hasToString("FINISHED");
            assertThat(store.extInfo(id).execInfo()).contains(appsTagged(id).get(0).appId());
            assertThat(frozen.launches()).as("launch calls: the frozen one and the resumed one").isEqualTo(2);
            String log = Files.readString(launcher.workDirOf(id).resolve("launch.log"));
            assertThat(log.split("launching execution", -1)).as("the script ran once").hasSize(2);
        } finally {
            frozen.release();
            worker.shutdownNow();
        }
    }

    private void ensureYarnCluster(String name) {
        if (clusters.findClusterByName(name) == null) {
            Instant now = Instant.now();
            clusters.insertCluster(new ClusterRecord(null, name, ClusterCategory.YARN,
                    MiniYarn.clusterConfigJson(), "same MiniYARN, own task queue", now, now), new GeneratedId());
        }
    }

    /** The attempt number of the completed launch activity, from the workflow's history. */
    private int launchActivityAttempts(long id) {
        var events = harness.client().fetchHistory(WorkflowIds.forExecution(id)).getEvents();
        Set<Long> launches = events.stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .filter(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("Launch"))
                .map(e -> e.getEventId()).collect(java.util.stream.Collectors.toSet());
        return events.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
                .filter(e -> launches.contains(e.getActivityTaskStartedEventAttributes().getScheduledEventId()))
                .mapToInt(e -> e.getActivityTaskStartedEventAttributes().getAttempt()).max().orElse(0);
    }

    @Test
    void aScriptThatWouldTagTheApplicationOtherwiseIsStartFailedWithoutRunning() {
        long id = harness.create(CLUSTER, "default", 1,
                Map.of("yarnApp", Map.of("mode", "succeed", "millis", 1000, "tag", "maple-id-x")), null);
        harness.startWorkflow(id);
        harness.awaitStatus(id, START_FAILED, WAIT);

        assertThat(path(id)).containsExactly(CREATED, ACCEPTED, STARTING, START_FAILED);
        assertThat(store.history(id).get(3).reason()).contains("maple-id-x").contains(YarnTags.forExecution(id));
        assertThat(appsTagged(id)).isEmpty();
        assertThat(launcher.workDirOf(id).resolve("launch.log")).doesNotExist();
    }
}
