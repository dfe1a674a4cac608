package io.maple.activities.launch.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.maple.activities.launch.LaunchTarget;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.persistence.cluster.ClusterRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fixture other modules use to register a K8S cluster: what it hands out reaches the mock. */
class K8sMockClusterTest {

    @Test
    void registrationReachesTheMockThroughMaplesOwnClient() throws Exception {
        K8sClients clients = new K8sClients();
        try (K8sMockCluster k8s = K8sMockCluster.start()) {
            JsonNode body = new ObjectMapper().readTree(k8s.registration("k8s-a", "jobs"));
            assertThat(body.path("name").asText()).isEqualTo("k8s-a");
            assertThat(body.path("category").asText()).isEqualTo("K8S");
            assertThat(body.path("config").path("masterUrl").asText()).isEqualTo(k8s.masterUrl());

            ClusterRecord row = new ClusterRecord(1L, "k8s-a", ClusterCategory.K8S, body.path("config").toString(),
                    null, Instant.now(), Instant.now());
            new K8sLauncher(clients).launch(new LaunchTarget(K8sFixtures.execution(5, EngineCategory.SPARK, "jobs"),
                    row, RenderedResources.spark(5, "jobs")));
            k8s.operator(MapleResourceKind.SPARK_APPLICATION, "jobs", 5, K8sFixtures.sparkStatus("RUNNING", null));

            GenericKubernetesResource app = k8s.resource(MapleResourceKind.SPARK_APPLICATION, "jobs", 5);
            assertThat(SparkApplicationStates.map(app).rawState()).isEqualTo("RUNNING");
        } finally {
            clients.destroy();
        }
    }
}
