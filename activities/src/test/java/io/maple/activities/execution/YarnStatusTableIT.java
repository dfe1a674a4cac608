package io.maple.activities.execution;

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
import static org.apache.hadoop.yarn.api.records.FinalApplicationStatus.SUCCEEDED;
import static org.apache.hadoop.yarn.api.records.FinalApplicationStatus.UNDEFINED;
import static org.assertj.core.api.Assertions.assertThat;

import io.maple.activities.launch.AppRef;
import io.maple.activities.launch.ClusterLauncher;
import io.maple.activities.launch.LaunchResult;
import io.maple.activities.launch.LaunchTarget;
import io.maple.activities.launch.yarn.YarnApp;
import io.maple.activities.launch.yarn.YarnStateMapping;
import io.maple.activities.support.ClusterWorkers;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ClusterCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import io.maple.workflows.execution.StopRequest;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The issue's YARN state table, row by row, through the real workflow and persistence into MySQL:
 * each execution's application answers with scripted YARN reports ({@link YarnApp}, mapped by the
 * real {@code YarnStateMapping}), and the status Maple stores is checked against the table,
 * including the refinements the workflow owns (START_FAILED if never RUNNING, CANCELED if Maple
 * cancelled, UNKNOWN then FAILED when the app is gone). The real RM behind these reports is
 * exercised by {@link YarnExecutionWorkflowIT}; here every pair is reachable on demand.
 */
@SpringBootTest(classes = WorkflowTestApp.class, properties = {
        "maple.yarn.poller-enabled=false",
        "maple.workflow.cluster-poll-interval=200ms",
        "maple.workflow.unknown-grace=1s",
        "maple.workflow.not-found-fail-after=1s"})
class YarnStatusTableIT {

    private static final String CLUSTER = "yarn-table";
    private static final String GONE = "not found after the grace period";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "yarn_table");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    ExecutionStore store;
    @Autowired
    ClusterMapper clusters;
    @Autowired
    ClusterWorkers clusterWorkers;

    /** What happens after the scripted reports: nothing, Maple kills it, or Maple cancels it. */
    enum Then { NOTHING, KILL, CANCEL }

    /**
     * One row: the reports the app gives in turn (the last one repeats), what Maple does then, and the
     * status Maple must store. {@code hold} rows end on a non-final report: the status is checked
     * while the app keeps answering it, then Maple kills the execution.
     */
    record Row(String name, List<YarnApp> reports, Then then, YarnApp onKill, ExecutionStatus expected,
               List<ExecutionStatus> path, boolean gone) {
        Row(String name, List<YarnApp> reports, ExecutionStatus expected, List<ExecutionStatus> path) {
            this(name, reports, Then.NOTHING, null, expected, path, false);
        }

        boolean hold() {
            return !expected.isTerminal();
        }
    }

    private static final AtomicInteger APP_SEQ = new AtomicInteger();

    private static YarnApp app(YarnApplicationState state, FinalApplicationStatus finalStatus) {
        long now = System.currentTimeMillis();
        return new YarnApp("application_1_" + APP_SEQ.incrementAndGet(), Set.of(), state, finalStatus,
                "scripted " + state + "/" + finalStatus, "http://rm:8088/proxy/app/", 1024, 2, now,
                YarnStateMapping.isTerminal(state) ? now : 0, "default", "SPARK");
    }

    private static final List<ExecutionStatus> NEVER_RAN = List.of(CREATED, ACCEPTED, STARTING);
    private static final List<ExecutionStatus> RAN = List.of(CREATED, ACCEPTED, STARTING, RUNNING);

    private static List<ExecutionStatus> then(List<ExecutionStatus> before, ExecutionStatus last) {
        List<ExecutionStatus> path = new ArrayList<>(before);
        path.add(last);
        return path;
    }

    /** The issue's table: every pair it names, in every context that changes the answer. */
    static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        YarnApp accepted = app(YarnApplicationState.ACCEPTED, UNDEFINED);
        YarnApp running = app(YarnApplicationState.RUNNING, UNDEFINED);
        for (YarnApplicationState s : List.of(YarnApplicationState.NEW, YarnApplicationState.NEW_SAVING,
                YarnApplicationState.SUBMITTED, YarnApplicationState.ACCEPTED)) {
            rows.add(new Row(s + "/UNDEFINED", List.of(app(s, UNDEFINED)), STARTING, NEVER_RAN));
        }
        for (FinalApplicationStatus f : FinalApplicationStatus.values()) {
            rows.add(new Row("RUNNING/" + f, List.of(accepted, app(YarnApplicationState.RUNNING, f)), RUNNING,
                    RAN));
        }
        rows.add(new Row("FINISHED/SUCCEEDED", List.of(accepted, running, app(YarnApplicationState.FINISHED, SUCCEEDED)),
                SUCCEED, then(RAN, SUCCEED)));
        for (FinalApplicationStatus f : List.of(FinalApplicationStatus.FAILED, UNDEFINED, FinalApplicationStatus.ENDED)) {
            YarnApp finished = app(YarnApplicationState.FINISHED, f);
            rows.add(new Row("FINISHED/" + f + " after RUNNING", List.of(accepted, running, finished),
                    FAILED, then(RAN, FAILED)));
            rows.add(new Row("FINISHED/" + f + " never RUNNING", List.of(accepted, finished),
                    START_FAILED, then(NEVER_RAN, START_FAILED)));
        }
        YarnApp finishedKilled = app(YarnApplicationState.FINISHED, FinalApplicationStatus.KILLED);
        rows.add(new Row("FINISHED/KILLED", List.of(accepted, running, finishedKilled), KILLED, then(RAN, KILLED)));
        rows.add(new Row("FINISHED/KILLED, Maple killed", List.of(accepted, running), Then.KILL, finishedKilled,
                KILLED, then(RAN, KILLED), false));
        rows.add(new Row("FINISHED/KILLED, Maple cancelled", List.of(accepted, running), Then.CANCEL, finishedKilled,
                CANCELED, then(RAN, CANCELED), false));
        for (FinalApplicationStatus f : FinalApplicationStatus.values()) {
            YarnApp failed = app(YarnApplicationState.FAILED, f);
            rows.add(new Row("FAILED/" + f + " after RUNNING", List.of(accepted, running, failed),
                    FAILED, then(RAN, FAILED)));
            rows.add(new Row("FAILED/" + f + " never RUNNING", List.of(accepted, failed),
                    START_FAILED, then(NEVER_RAN, START_FAILED)));
            rows.add(new Row("KILLED/" + f, List.of(accepted, running, app(YarnApplicationState.KILLED, f)),
                    KILLED, then(RAN, KILLED)));
        }
        YarnApp killed = app(YarnApplicationState.KILLED, FinalApplicationStatus.KILLED);
        rows.add(new Row("KILLED/KILLED, Maple killed", List.of(accepted, running), Then.KILL, killed, KILLED,
                then(RAN, KILLED), false));
        rows.add(new Row("KILLED/KILLED, Maple cancelled", List.of(accepted, running), Then.CANCEL, killed, CANCELED,
                then(RAN, CANCELED), false));
        List<ExecutionStatus> lost = new ArrayList<>(then(RAN, UNKNOWN));
        lost.add(FAILED);
        rows.add(new Row(GONE, List.of(accepted, running), Then.NOTHING, null, FAILED, lost, true));
        return rows;
    }

    /**
     * Answers launch, observe and kill for each execution from its row: launch reports the first
     * report, each observe the next one (the last one repeats), kill the row's {@code onKill} report.
     */
    static final class ScriptedYarn implements ClusterLauncher {
        private final Map<Long, Row> rows = new ConcurrentHashMap<>();
        private final Map<Long, AtomicInteger> served = new ConcurrentHashMap<>();

        void script(long executionId, Row row) {
            rows.put(executionId, row);
            served.put(executionId, new AtomicInteger());
        }

        int served(long executionId) {
            return served.get(executionId).get();
        }

        @Override
        public ClusterCategory category() {
            return ClusterCategory.YARN;
        }

        @Override
        public LaunchResult launch(LaunchTarget target) {
            ClusterObservation first = next(target.execution().id());
            return new LaunchResult(first.appId(), false, first, "");
        }

        @Override
        public ClusterObservation observe(AppRef ref) {
            return next(ref.executionId());
        }

        @Override
        public ClusterObservation kill(AppRef ref) {
            Row row = rows.get(ref.executionId());
            YarnApp after = row.onKill() != null ? row.onKill() : row.reports().get(row.reports().size() - 1);
            return after.toObservation(ref.executionId(), System.currentTimeMillis());
        }

        private ClusterObservation next(long id) {
            Row row = rows.get(id);
            int n = served.get(id).getAndIncrement();
            long now = System.currentTimeMillis();
            if (row.gone() && n >= row.reports().size()) {
                return new ClusterObservation(id, null, ClusterPhase.NOT_FOUND, null, null,
                        "no YARN application tagged maple-id=" + id, null, null, null, Map.of(), now);
            }
            return row.reports().get(Math.min(n, row.reports().size() - 1)).toObservation(id, now);
        }
    }

    @Test
    void everyRowOfTheIssuesTableEndsInMysqlAsTheTableSays() throws Exception {
        harness.start();
        if (clusters.findClusterByName(CLUSTER) == null) {
            Instant now = Instant.now();
            // never contacted: the scripted launcher answers for the RM
            clusters.insertCluster(new ClusterRecord(null, CLUSTER, ClusterCategory.YARN,
                    "{\"rmAddresses\": [\"127.0.0.1:8032\"]}", "scripted RM", now, now), new GeneratedId());
        }
        ScriptedYarn yarn = new ScriptedYarn();
        WorkerFactory worker = clusterWorkers.start(CLUSTER, yarn);
        try {
            List<Row> rows = table();
            List<Long> ids = new ArrayList<>();
            for (Row row : rows) {
                long id = harness.create(CLUSTER, "table", 1, Map.of("script", "unused"), null);
                yarn.script(id, row);
                harness.startWorkflow(id);
                ids.add(id);
            }
            SoftAssertions softly = new SoftAssertions();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                long id = ids.get(i);
                settle(yarn, row, id);
                softly.assertThat(harness.status(id)).as(row.name()).isEqualTo(row.expected());
                softly.assertThat(path(id)).as(row.name() + " path").isEqualTo(row.path());
                if (row.gone()) {
                    softly.assertThat(store.history(id).get(row.path().size() - 1).reason())
                            .contains("application not found on the cluster").contains("NOT_FOUND");
                    harness.recordHistory(id, "execution-not-found-failed");
                }
                if (row.hold()) {
                    // still answering the same report: Maple's status stays where the table put it
                    softly.assertThat(harness.workflow(id).kill(new StopRequest("table row done", "test")).status())
                            .as(row.name() + " then killed").isEqualTo(KILLED);
                }
            }
            softly.assertAll();
        } finally {
            worker.shutdownNow();
        }
    }

    /** Waits until the row's outcome is reached (terminal) or its last report has been answered again (hold). */
    private void settle(ScriptedYarn yarn, Row row, long id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        boolean stopped = false;
        while (System.nanoTime() < deadline) {
            ExecutionStatus now = harness.status(id);
            if (row.hold() && row.then() == Then.NOTHING && yarn.served(id) > row.reports().size() + 1) {
                return;
            }
            if (!row.hold() && row.then() == Then.NOTHING && now.isTerminal()) {
                return;
            }
            if (row.then() != Then.NOTHING && !stopped && now == RUNNING) {
                StopRequest stop = new StopRequest("table row " + row.then(), "test");
                if (row.then() == Then.KILL) {
                    harness.workflow(id).kill(stop);
                } else {
                    harness.workflow(id).cancel(stop);
                }
                stopped = true;
            }
            if (stopped && now.isTerminal()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(row.name() + ": execution " + id + " is " + harness.status(id) + " after " + WAIT);
    }

    private List<ExecutionStatus> path(long id) {
        return store.history(id).stream().map(StatusHistoryRecord::toStatus).toList();
    }
}
