package io.maple.activities.monitor.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.launch.yarn.MiniYarn;
import io.maple.activities.launch.yarn.YarnClientApplicationsSource;
import io.maple.activities.launch.yarn.YarnClients;
import io.maple.activities.launch.yarn.YarnLauncher;
import io.maple.activities.launch.yarn.YarnProperties;
import io.maple.activities.launch.yarn.YarnTestSupport;
import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.PersistenceConfiguration;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusTransition;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.ExecutionInput;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The batched poller end to end: real apps on a real in-process YARN, executions in MySQL, and
 * Temporal's in-process server with workflows that record the observe signals they receive.
 */
@ExtendWith(MiniYarn.class)
@SpringBootTest(classes = YarnPollerIT.App.class)
class YarnPollerIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PersistenceConfiguration.class)
    static class App {
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "yarn_poller");
    }

    @Autowired
    ExecutionStore store;
    @Autowired
    DataSource dataSource;

    @TempDir
    Path workDir;

    private TestWorkflowEnvironment temporal;
    private YarnClients clients;

    @BeforeEach
    void setUp() {
        TestDatabase.startExecutionIdsAt(dataSource, 200000L);
        temporal = TestWorkflowEnvironment.newInstance();
        Worker worker = temporal.newWorker("yarn-poller-it");
        worker.registerWorkflowImplementationTypes(RecordingWorkflowImpl.class);
        temporal.start();
        clients = new YarnClients();
    }

    @AfterEach
    void tearDown() {
        temporal.close();
        clients.destroy();
    }

    private long startingExecution() {
        ExecutionRecord draft = new ExecutionRecord(null, UUID.randomUUID().toString(), "poller-it", null, "it",
                "mini", "default", EngineCategory.SPARK, "3.5.5", 1, null, "g", "u", null, "batch", "spark-jar",
                null, null, null, null, null, null, null);
        long id = store.create(draft, "{}", null, "test").id();
        store.transition(StatusTransition.to(id, ExecutionStatus.ACCEPTED, "queued", "test"));
        store.transition(StatusTransition.to(id, ExecutionStatus.STARTING, "launching", "test"));
        RecordingWorkflow wf = temporal.getWorkflowClient().newWorkflowStub(RecordingWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(WorkflowIds.forExecution(id))
                        .setTaskQueue("yarn-poller-it").build());
        WorkflowClient.start(wf::run, new ExecutionInput(id));
        return id;
    }

    private List<ClusterObservation> heard(long id) {
        return temporal.getWorkflowClient().newWorkflowStub(RecordingWorkflow.class, WorkflowIds.forExecution(id))
                .observations();
    }

    private static ClusterPhase lastPhase(List<ClusterObservation> seen) {
        return seen.isEmpty() ? null : seen.get(seen.size() - 1).phase();
    }

    @Test
    void oneRmCallPerIntervalSignalsOnlyOnChangeAndFillsExecInfo() throws Exception {
        YarnLauncher launcher = new YarnLauncher(clients, YarnProperties.defaults(workDir), Clock.systemUTC());
        long succeeds = startingExecution();
        long fails = startingExecution();
        long stuck = startingExecution();
        long neverLaunched = startingExecution();
        launcher.launch(YarnTestSupport.target(stuck, YarnTestSupport.script("pending", 600_000, "")));
        launcher.launch(YarnTestSupport.target(fails, YarnTestSupport.script("fail", 500, "")));
        // long enough to be seen RUNNING by an interval of about a second
        launcher.launch(YarnTestSupport.target(succeeds, YarnTestSupport.script("succeed", 12_000, "")));

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationSink sink = new WorkflowObservationSink(temporal.getWorkflowClient(), store, new ObjectMapper());
        YarnPoller poller = new YarnPoller("mini",
                new YarnClientApplicationsSource(clients, YarnTestSupport.cluster()),
                new StoreWatchedExecutions(store), sink, Duration.ofSeconds(30), Duration.ofSeconds(3),
                Clock.systemUTC(), meters);

        Map<Long, ClusterPhase> expected = Map.of(succeeds, ClusterPhase.SUCCEEDED, fails, ClusterPhase.FAILED,
                stuck, ClusterPhase.START_FAILED, neverLaunched, ClusterPhase.NOT_FOUND);
        List<YarnPoller.PollResult> intervals = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 150_000;
        while (true) {
            intervals.add(poller.pollOnce());
            Map<Long, ClusterPhase> now = new HashMap<>();
            expected.keySet().forEach(id -> now.put(id, lastPhase(heard(id))));
            if (now.equals(expected)) {
                break;
            }
            assertThat(System.currentTimeMillis()).as("phases so far %s", now).isLessThan(deadline);
            Thread.sleep(1000);
        }
        // quiet intervals: nothing changed, so nothing is delivered, and still one RM call each
        for (int i = 0; i < 3; i++) {
            YarnPoller.PollResult quiet = poller.pollOnce();
            intervals.add(quiet);
            assertThat(quiet.delivered()).isZero();
            assertThat(quiet.watched()).isEqualTo(4);
        }

        double rmCalls = meters.get("maple.yarn.poller.rm.calls").counter().count();
        assertThat(rmCalls).isEqualTo(intervals.size());
        assertThat(intervals).allMatch(r -> r.rmCalls() == 1);
        int signalsSent = intervals.stream().mapToInt(YarnPoller.PollResult::delivered).sum();
        assertThat(meters.get("maple.yarn.poller.signals").counter().count()).isEqualTo(signalsSent);
        int signalsHeard = 0;
        for (long id : expected.keySet()) {
            List<ClusterObservation> seen = heard(id);
            signalsHeard += seen.size();
            for (int i = 1; i < seen.size(); i++) {
                ClusterObservation a = seen.get(i - 1);
                ClusterObservation b = seen.get(i);
                assertThat(a.phase() != b.phase() || !java.util.Objects.equals(a.rawState(), b.rawState())
                        || !java.util.Objects.equals(a.diagnostics(), b.diagnostics())
                        || !java.util.Objects.equals(a.trackingUrl(), b.trackingUrl()))
                        .as("signal %d of execution %d repeats the previous one", i, id).isTrue();
            }
        }
        assertThat(signalsHeard).isEqualTo(signalsSent);
        assertThat(signalsSent).isLessThan(4 * intervals.size());

        List<ClusterObservation> ok = heard(succeeds);
        assertThat(ok).extracting(ClusterObservation::phase).contains(ClusterPhase.RUNNING);
        assertThat(ok.get(ok.size() - 1).rawState()).isEqualTo("FINISHED");
        List<ClusterObservation> failed = heard(fails);
        assertThat(failed.get(failed.size() - 1).finalStatus()).isEqualTo("FAILED");
        assertThat(heard(stuck).get(heard(stuck).size() - 1).diagnostics()).contains("killed by Maple");

        JsonNode info = new ObjectMapper().readTree(store.extInfo(succeeds).execInfo());
        assertThat(info.get("lastClusterStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(info.get("rawStatus").asText()).isEqualTo("FINISHED/SUCCEEDED");
        assertThat(info.at("/clusterInfo/statuses").findValuesAsText("code")).contains("RUNNING", "SUCCEEDED");
        assertThat(info.at("/clusterInfo/resources/memory").asText()).endsWith("MB");
        assertThat(info.at("/clusterInfo/detail/trackingUrl").asText()).contains("application_");
        assertThat(info.at("/rawInfo/statuses").findValuesAsText("code")).contains("FINISHED/SUCCEEDED");
        JsonNode lost = new ObjectMapper().readTree(store.extInfo(neverLaunched).execInfo());
        assertThat(lost.get("lastClusterStatus").asText()).isEqualTo("NOT_FOUND");
    }
}
