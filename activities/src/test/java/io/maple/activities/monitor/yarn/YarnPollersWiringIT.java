package io.maple.activities.monitor.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.activities.launch.yarn.MiniYarn;
import io.maple.activities.launch.yarn.YarnClients;
import io.maple.activities.launch.yarn.YarnLaunchConfiguration;
import io.maple.activities.launch.yarn.YarnLauncher;
import io.maple.activities.launch.yarn.YarnProperties;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.PersistenceConfiguration;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusTransition;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.ExecutionInput;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring wiring the worker gets: properties bound from {@code maple.yarn.*}, the launcher bean,
 * and {@link YarnPollers} started with the context, reading YARN clusters from {@code maple_cluster},
 * asking the real RM and signalling a real (test-server) workflow on its own schedule.
 */
@ExtendWith(MiniYarn.class)
@SpringBootTest(classes = YarnPollersWiringIT.App.class, properties = {
        "maple.yarn.poll-interval=500ms", "maple.yarn.not-found-grace=1s", "maple.yarn.starting-timeout=7m"})
class YarnPollersWiringIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({PersistenceConfiguration.class, YarnLaunchConfiguration.class, YarnClients.class, YarnLauncher.class,
            StoreWatchedExecutions.class, YarnPollers.class})
    static class App {
        @Bean(destroyMethod = "close")
        TestWorkflowEnvironment temporal() {
            TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
            env.newWorker("wiring-it").registerWorkflowImplementationTypes(RecordingWorkflowImpl.class);
            env.start();
            return env;
        }

        @Bean
        WorkflowClient workflowClient(TestWorkflowEnvironment env) {
            return env.getWorkflowClient();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "yarn_wiring");
    }

    @Autowired
    YarnProperties properties;
    @Autowired
    YarnLauncher launcher;
    @Autowired
    YarnPollers pollers;
    @Autowired
    ClusterMapper clusters;
    @Autowired
    ExecutionStore store;
    @Autowired
    WorkflowClient workflows;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DataSource dataSource;

    @Test
    void pollersStartWithTheContextAndSignalWorkflowsOfYarnClustersInMysql() throws Exception {
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.startingTimeout()).isEqualTo(Duration.ofMinutes(7));
        assertThat(launcher.category()).isEqualTo(ClusterCategory.YARN);
        assertThat(pollers.isRunning()).isTrue();

        clusters.insertCluster(new ClusterRecord(null, "wired", ClusterCategory.YARN, MiniYarn.clusterConfigJson(),
                null, Instant.now(), Instant.now()), new GeneratedId());
        ExecutionRecord draft = new ExecutionRecord(null, UUID.randomUUID().toString(), "wiring", null, "it", "wired",
                "default", EngineCategory.SPARK, "3.5.5", 1, null, "g", "u", null, "batch", "spark-jar", null, null,
                null, null, null, null, null);
        TestDatabase.startExecutionIdsAt(dataSource, 300_000L);
        long id = store.create(draft, "{}", null, "test").id();
        store.transition(StatusTransition.to(id, ExecutionStatus.ACCEPTED, "queued", "test"));
        store.transition(StatusTransition.to(id, ExecutionStatus.STARTING, "launching", "test"));
        RecordingWorkflow wf = workflows.newWorkflowStub(RecordingWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowIds.forExecution(id)).setTaskQueue("wiring-it").build());
        WorkflowClient.start(wf::run, new ExecutionInput(id));

        // nothing was launched for it: after the grace the scheduled poller reports NOT_FOUND on its own
        long deadline = System.currentTimeMillis() + 30_000;
        List<ClusterObservation> heard = wf.observations();
        while (heard.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            heard = wf.observations();
        }
        assertThat(heard).singleElement().extracting(ClusterObservation::phase).isEqualTo(ClusterPhase.NOT_FOUND);
        assertThat(meters.get("maple.yarn.poller.rm.calls").tag("cluster", "wired").counter().count())
                .isGreaterThanOrEqualTo(2);
        assertThat(store.extInfo(id).execInfo()).contains("\"lastClusterStatus\":\"NOT_FOUND\"");
    }
}
