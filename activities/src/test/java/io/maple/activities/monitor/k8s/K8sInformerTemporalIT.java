package io.maple.activities.monitor.k8s;

import static io.maple.activities.launch.k8s.K8sFixtures.cluster;
import static io.maple.activities.launch.k8s.K8sFixtures.execution;
import static io.maple.activities.launch.k8s.K8sFixtures.setStatus;
import static io.maple.activities.launch.k8s.K8sFixtures.sparkStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.maple.activities.launch.AppRef;
import io.maple.activities.launch.LaunchTarget;
import io.maple.activities.launch.k8s.K8sClients;
import io.maple.activities.launch.k8s.K8sLauncher;
import io.maple.activities.launch.k8s.MapleResourceKind;
import io.maple.activities.launch.k8s.RenderedResources;
import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.EngineExecutionWorkflow;
import io.maple.workflows.execution.ExecutionInput;
import io.maple.workflows.execution.ExecutionOutcome;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path with the real sender: operator status write -> informer -> {@code observe}
 * signal -> a workflow implementing {@link EngineExecutionWorkflow} on Temporal's in-process
 * test server. Nothing polls.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class K8sInformerTemporalIT {

    private static final String QUEUE = "k8s-informer-it";
    private static final String NS = "temporal-it";

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static TestWorkflowEnvironment temporal;
    private static K8sClients clients;

    @BeforeAll
    static void setUp() {
        RenderedResources.installCrds(client);
        clients = new K8sClients();
        // real time: the signals come from informer threads, not from anything time skipping could drive
        temporal = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
        Worker worker = temporal.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(RecordingExecutionWorkflow.class);
        temporal.start();
    }

    @AfterAll
    static void tearDown() {
        temporal.close();
        clients.destroy();
    }

    @Test
    void operatorTransitionsReachTheExecutionWorkflowAsObserveSignals() throws Exception {
        WorkflowClient workflows = temporal.getWorkflowClient();
        ClusterRecord cluster = cluster(client, "k8s-temporal-it", NS);
        K8sLauncher launcher = new K8sLauncher(clients);
        EngineExecutionWorkflow success = start(workflows, 301);
        EngineExecutionWorkflow killed = start(workflows, 302);

        try (ClusterInformers informers = new ClusterInformers(cluster.name(), clients.client(cluster), List.of(NS),
                Duration.ofMinutes(10), new TemporalObservationSender(workflows), Clock.systemUTC())) {
            informers.start().get(10, TimeUnit.SECONDS);

            launcher.launch(new LaunchTarget(execution(301, EngineCategory.SPARK, NS), cluster, RenderedResources.spark(301, NS)));
            launcher.launch(new LaunchTarget(execution(302, EngineCategory.SPARK, NS), cluster, RenderedResources.spark(302, NS)));
            setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 301, sparkStatus("RUNNING", null));
            setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 302, sparkStatus("RUNNING", null));
            setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 301, sparkStatus("COMPLETED", null));
            launcher.kill(new AppRef(302, cluster, "maple-302", NS));

            ExecutionOutcome succeeded = result(workflows, 301);
            ExecutionOutcome wasKilled = result(workflows, 302);

            assertThat(succeeded.status()).isEqualTo(ExecutionStatus.SUCCEED);
            assertThat(succeeded.reason()).isEqualTo("PENDING,RUNNING,SUCCEEDED");
            assertThat(wasKilled.status()).isEqualTo(ExecutionStatus.KILLED);
            assertThat(wasKilled.reason()).isEqualTo("PENDING,RUNNING,KILLED");
        }
        assertThat(success).isNotNull();
        assertThat(killed).isNotNull();
    }

    @Test
    void anObservationForAnExecutionWithoutAWorkflowIsDropped() {
        TemporalObservationSender sender = new TemporalObservationSender(temporal.getWorkflowClient());

        assertThatCode(() -> sender.send(new ClusterObservation(399, "maple-399", ClusterPhase.RUNNING, "RUNNING",
                null, null, null, null, null, Map.of(), 1))).doesNotThrowAnyException();
    }

    private static EngineExecutionWorkflow start(WorkflowClient workflows, long id) {
        EngineExecutionWorkflow wf = workflows.newWorkflowStub(EngineExecutionWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowIds.forExecution(id)).setTaskQueue(QUEUE)
                .setWorkflowExecutionTimeout(Duration.ofMinutes(2)).build());
        WorkflowClient.start(wf::run, new ExecutionInput(id));
        return wf;
    }

    private static ExecutionOutcome result(WorkflowClient workflows, long id) throws Exception {
        return workflows.newUntypedWorkflowStub(WorkflowIds.forExecution(id))
                .getResultAsync(ExecutionOutcome.class).get(20, TimeUnit.SECONDS);
    }
}
