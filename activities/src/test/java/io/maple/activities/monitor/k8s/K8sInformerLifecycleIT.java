package io.maple.activities.monitor.k8s;

import static io.maple.activities.launch.k8s.K8sFixtures.cluster;
import static io.maple.activities.launch.k8s.K8sFixtures.execution;
import static io.maple.activities.launch.k8s.K8sFixtures.setStatus;
import static io.maple.activities.launch.k8s.K8sFixtures.sparkStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.maple.activities.launch.LaunchTarget;
import io.maple.activities.launch.k8s.K8sLauncher;
import io.maple.activities.launch.k8s.MapleResourceKind;
import io.maple.activities.launch.k8s.RenderedResources;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.workflows.contract.ClusterPhase;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The lifecycle bean starts informers for exactly the K8S rows of {@code maple_cluster} (real MariaDB). */
@EnableKubernetesMockClient(crud = true, https = false)
@SpringBootTest(classes = K8sMonitorTestApp.class, properties = {"maple.k8s.informers.resync=10m", "maple.k8s.informers.cluster-refresh=0"})
class K8sInformerLifecycleIT {

    private static final String NS = "lifecycle-it";

    static KubernetesMockServer server;
    static KubernetesClient client;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "activities_k8s_lifecycle");
    }

    @Autowired
    K8sInformerLifecycle lifecycle;
    @Autowired
    ClusterMapper clusters;
    @Autowired
    K8sLauncher launcher;
    @Autowired
    RecordingSender sender;

    @Test
    void informersRunForTheK8sClustersInTheTableAndSignalTheirExecutions() throws Exception {
        RenderedResources.installCrds(client);
        ClusterRecord k8s = cluster(client, "k8s-lifecycle", NS);
        clusters.insertCluster(k8s, new GeneratedId());
        clusters.insertCluster(new ClusterRecord(null, "yarn-lifecycle", ClusterCategory.YARN,
                "{\"rmUrl\":\"http://127.0.0.1:1\"}", null, Instant.now(), Instant.now()), new GeneratedId());
        assertThat(lifecycle.isRunning()).isTrue();
        assertThat(lifecycle.runningClusters()).isEmpty();

        lifecycle.refresh();

        assertThat(lifecycle.runningClusters()).containsExactly("k8s-lifecycle");
        launcher.launch(new LaunchTarget(execution(401, EngineCategory.SPARK, NS), clusters.findClusterByName("k8s-lifecycle"),
                RenderedResources.spark(401, NS)));
        sender.expect(ClusterPhase.PENDING, "");
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 401, sparkStatus("RUNNING", null));
        sender.expect(ClusterPhase.RUNNING, "RUNNING");

        lifecycle.stop();
        assertThat(lifecycle.isRunning()).isFalse();
        setStatus(client, MapleResourceKind.SPARK_APPLICATION, NS, 401, sparkStatus("COMPLETED", null));
        sender.expectNothing(java.time.Duration.ofMillis(500));
        lifecycle.start();
        sender.expect(ClusterPhase.SUCCEEDED, "COMPLETED");

        // an unchanged table changes nothing; a changed config restarts that cluster's informers
        lifecycle.refresh();
        sender.expectNothing(java.time.Duration.ofMillis(500));
        ClusterRecord row = clusters.findClusterByName("k8s-lifecycle");
        clusters.updateCluster(new ClusterRecord(row.id(), row.name(), row.category(),
                row.config().replace("}", ",\"watchNamespaces\":[\"" + NS + "\",\"other\"]}"),
                row.description(), row.createTime(), Instant.now()));
        lifecycle.refresh();
        assertThat(lifecycle.runningClusters()).containsExactly("k8s-lifecycle");
        // the restarted informers list the app again: a new informer instance re-sends its state
        sender.expect(ClusterPhase.SUCCEEDED, "COMPLETED");
    }
}
