package io.maple.activities.monitor.k8s;

import static io.maple.activities.launch.k8s.K8sFixtures.cluster;
import static io.maple.activities.launch.k8s.K8sFixtures.execution;
import static io.maple.activities.launch.k8s.K8sFixtures.flinkStatus;
import static io.maple.activities.launch.k8s.K8sFixtures.setStatus;
import static io.maple.activities.launch.k8s.K8sFixtures.sparkStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.maple.activities.launch.AppRef;
import io.maple.activities.launch.LaunchTarget;
import io.maple.activities.launch.k8s.K8sClients;
import io.maple.activities.launch.k8s.K8sLauncher;
import io.maple.activities.launch.k8s.K8sObservations;
import io.maple.activities.launch.k8s.MapleResourceKind;
import io.maple.activities.launch.k8s.RenderedResources;
import io.maple.domain.EngineCategory;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Informers against fabric8's CRUD API server mock: every transition the "operator" writes must
 * arrive as one signal, with nobody polling (resync is far longer than any test here).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class K8sInformerIT {

    private static final Duration NO_RESYNC = Duration.ofMinutes(10);

    static KubernetesMockServer server;
    static KubernetesClient client;

    private static K8sClients clients;
    private static K8sLauncher launcher;

    private final RecordingSender sender = new RecordingSender();
    private ClusterInformers informers;

    @BeforeAll
    static void setUp() {
        RenderedResources.installCrds(client);
        clients = new K8sClients();
        launcher = new K8sLauncher(clients);
    }

    @AfterAll
    static void tearDown() {
        clients.destroy();
    }

    @AfterEach
    void stopInformers() {
        if (informers != null) {
            informers.close();
        }
    }

    private ClusterInformers startInformers(ClusterRecord cluster, String namespace, Duration resync) throws Exception {
        ClusterInformers started = new ClusterInformers(cluster.name(), clients.client(cluster), List.of(namespace),
                resync, sender, Clock.systemUTC());
        started.start().get(10, TimeUnit.SECONDS);
        return started;
    }

    @Test
    void everySparkTransitionArrivesOnceAndTerminalStatesStick() throws Exception {
        String ns = "informer-spark";
        ClusterRecord cluster = cluster(client, "k8s-informer-spark", ns);
        informers = startInformers(cluster, ns, NO_RESYNC);

        launcher.launch(new LaunchTarget(execution(201, EngineCategory.SPARK, ns), cluster, RenderedResources.spark(201, ns)));
        assertThat(sender.expect(ClusterPhase.PENDING, "").executionId()).isEqualTo(201);

        setStatus(client, MapleResourceKind.SPARK_APPLICATION, ns, 201, sparkStatus("SUBMITTED", null));
        sender.expect(ClusterPhase.PENDING, "SUBMITTED");
        long written = System.nanoTime();
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, ns, 201, sparkStatus("RUNNING", null));
        ClusterObservation running = sender.expect(ClusterPhase.RUNNING, "RUNNING");
        Duration latency = Duration.ofNanos(System.nanoTime() - written);
        assertThat(running.detail()).containsEntry("driverPod", "maple-driver");
        // pushed by the watch: these informers resync every 10 minutes and nothing polls, so only the watch
        // can have sent it (its latency is logged; a speed belongs in the bench)
        LoggerFactory.getLogger(K8sInformerIT.class).info("status write -> observe signal: {} ms", latency.toMillis());

        // a status write that changes nothing Maple maps (executor bookkeeping): no signal
        Map<String, Object> withExecutors = new LinkedHashMap<>(sparkStatus("RUNNING", null));
        withExecutors.put("executorState", Map.of("maple-201-exec-1", "RUNNING"));
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, ns, 201, withExecutors);
        sender.expectNothing(Duration.ofMillis(500));

        setStatus(client, MapleResourceKind.SPARK_APPLICATION, ns, 201, sparkStatus("COMPLETED", null));
        sender.expect(ClusterPhase.SUCCEEDED, "COMPLETED");

        // the operator flips the finished app back, then someone deletes it: Maple's view stays SUCCEEDED
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, ns, 201, sparkStatus("PENDING_RERUN", null));
        client.genericKubernetesResources(MapleResourceKind.SPARK_APPLICATION.context()).inNamespace(ns)
                .withName("maple-201").delete();
        sender.expectNothing(Duration.ofMillis(700));
    }

    @Test
    void aResourceDeletedBySomeoneElseFailsWithAReason() throws Exception {
        String ns = "informer-delete";
        ClusterRecord cluster = cluster(client, "k8s-informer-delete", ns);
        informers = startInformers(cluster, ns, NO_RESYNC);
        launcher.launch(new LaunchTarget(execution(202, EngineCategory.FLINK, ns), cluster, RenderedResources.flink(202, ns)));
        sender.expect(ClusterPhase.PENDING, null);
        setStatus(client, MapleResourceKind.FLINK_DEPLOYMENT, ns, 202, flinkStatus("RUNNING", "READY", "STABLE"));
        sender.expect(ClusterPhase.RUNNING, "RUNNING");

        client.genericKubernetesResources(MapleResourceKind.FLINK_DEPLOYMENT.context()).inNamespace(ns)
                .withName("maple-202").delete();

        ClusterObservation deleted = sender.expect(ClusterPhase.FAILED, "DELETED");
        assertThat(deleted.diagnostics()).startsWith(K8sObservations.DELETED_EXTERNALLY);
    }

    @Test
    void aKillByMapleArrivesAsKilled() throws Exception {
        String ns = "informer-kill";
        ClusterRecord cluster = cluster(client, "k8s-informer-kill", ns);
        informers = startInformers(cluster, ns, NO_RESYNC);
        launcher.launch(new LaunchTarget(execution(203, EngineCategory.SPARK, ns), cluster, RenderedResources.spark(203, ns)));
        sender.expect(ClusterPhase.PENDING, "");
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, ns, 203, sparkStatus("RUNNING", null));
        sender.expect(ClusterPhase.RUNNING, "RUNNING");

        assertThat(launcher.kill(new AppRef(203, cluster, "maple-203", ns)).phase()).isEqualTo(ClusterPhase.KILLED);

        // the annotation Maple writes before deleting is an update the informer sees too: same phase, no signal
        ClusterObservation killed = sender.expect(ClusterPhase.KILLED, "DELETED");
        assertThat(killed.diagnostics()).isEqualTo("killed by Maple");
        sender.expectNothing(Duration.ofMillis(500));
    }

    @Test
    void aFlinkJobManagerErrorAfterTheJobRanIsAFailureNotAStartFailure() throws Exception {
        String ns = "informer-jm";
        ClusterRecord cluster = cluster(client, "k8s-informer-jm", ns);
        informers = startInformers(cluster, ns, NO_RESYNC);
        launcher.launch(new LaunchTarget(execution(204, EngineCategory.FLINK, ns), cluster, RenderedResources.flink(204, ns)));
        sender.expect(ClusterPhase.PENDING, null);
        setStatus(client, MapleResourceKind.FLINK_DEPLOYMENT, ns, 204, flinkStatus("RUNNING", "READY", "STABLE"));
        sender.expect(ClusterPhase.RUNNING, "RUNNING");

        setStatus(client, MapleResourceKind.FLINK_DEPLOYMENT, ns, 204,
                Map.of("jobManagerDeploymentStatus", "ERROR", "lifecycleState", "DEPLOYED", "error", "JM pod lost"));

        ClusterObservation failed = sender.expect(ClusterPhase.FAILED, "ERROR");
        assertThat(failed.diagnostics()).isEqualTo("JM pod lost");
    }

    @Test
    void aRestartedInformerConvergesToWhatHappenedWhileItWasDown() throws Exception {
        String ns = "informer-restart";
        ClusterRecord cluster = cluster(client, "k8s-informer-restart", ns);
        informers = startInformers(cluster, ns, NO_RESYNC);
        launcher.launch(new LaunchTarget(execution(205, EngineCategory.SPARK, ns), cluster, RenderedResources.spark(205, ns)));
        launcher.launch(new LaunchTarget(execution(206, EngineCategory.FLINK, ns), cluster, RenderedResources.flink(206, ns)));
        sender.next(Duration.ofSeconds(10));
        sender.next(Duration.ofSeconds(10));
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, ns, 205, sparkStatus("RUNNING", null));
        sender.expect(ClusterPhase.RUNNING, "RUNNING");

        // the worker goes down; meanwhile the Spark app completes and the Flink job fails
        informers.close();
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, ns, 205, sparkStatus("COMPLETED", null));
        setStatus(client, MapleResourceKind.FLINK_DEPLOYMENT, ns, 206, flinkStatus("FAILED", "READY", "DEPLOYED"));
        sender.expectNothing(Duration.ofMillis(500));

        // a new worker's informers list what is there now and signal it
        informers = startInformers(cluster, ns, NO_RESYNC);
        Map<Long, ClusterPhase> converged = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            ClusterObservation o = sender.next(Duration.ofSeconds(10));
            converged.put(o.executionId(), o.phase());
        }
        assertThat(converged).containsEntry(205L, ClusterPhase.SUCCEEDED).containsEntry(206L, ClusterPhase.FAILED);
    }

    @Test
    void aSignalThatCouldNotBeSentIsRetriedByTheResync() throws Exception {
        String ns = "informer-resync";
        ClusterRecord cluster = cluster(client, "k8s-informer-resync", ns);
        informers = startInformers(cluster, ns, Duration.ofSeconds(1));
        launcher.launch(new LaunchTarget(execution(207, EngineCategory.SPARK, ns), cluster, RenderedResources.spark(207, ns)));
        sender.expect(ClusterPhase.PENDING, "");

        sender.failNext(1);
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, ns, 207, sparkStatus("COMPLETED", null));

        // the watch event's send failed; the next resync delivers it
        // (the watch does not send an event again; only a resync can)
        sender.expect(ClusterPhase.SUCCEEDED, "COMPLETED");
        // and resyncs of an unchanged resource send nothing more
        sender.expectNothing(Duration.ofMillis(2500));
    }
}
