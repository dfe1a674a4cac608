package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.maple.engine.spi.LaunchSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Resources of the shape the engine plugins render (name {@code maple-<id>}, label
 * {@code maple-id}), built as objects and serialized to YAML like the plugins do, plus the
 * operators' CRDs for the mock API server.
 */
public final class RenderedResources {

    public static final String SPARK_CRD = "/k8s/sparkapplications.sparkoperator.k8s.io.yaml";
    public static final String FLINK_CRD = "/k8s/flinkdeployments.flink.apache.org.yaml";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private RenderedResources() {
    }

    public static LaunchSpec.Resource spark(long id, String namespace) {
        return spec(MapleResourceKind.SPARK_APPLICATION, sparkApplication(id, namespace));
    }

    public static LaunchSpec.Resource flink(long id, String namespace) {
        return spec(MapleResourceKind.FLINK_DEPLOYMENT, flinkDeployment(id, namespace));
    }

    public static GenericKubernetesResource sparkApplication(long id, String namespace) {
        GenericKubernetesResource r = base(MapleResourceKind.SPARK_APPLICATION, id, namespace);
        r.setAdditionalProperty("spec", Map.of(
                "type", "Scala",
                "mode", "cluster",
                "sparkVersion", "3.5.5",
                "image", "apache/spark:3.5.5",
                "mainClass", "org.apache.spark.examples.SparkPi",
                "mainApplicationFile", "local:///opt/spark/examples/jars/spark-examples.jar",
                "arguments", List.of("1000"),
                "restartPolicy", Map.of("type", "OnFailure", "onSubmissionFailureRetries", 2, "onFailureRetries", 0),
                "driver", Map.of("cores", 1, "memory", "512m", "serviceAccount", "spark",
                        "labels", Map.of(MapleMarkers.ID_LABEL, Long.toString(id))),
                "executor", Map.of("cores", 2, "instances", 2, "memory", "1g",
                        "labels", Map.of(MapleMarkers.ID_LABEL, Long.toString(id)))));
        return r;
    }

    public static GenericKubernetesResource flinkDeployment(long id, String namespace) {
        GenericKubernetesResource r = base(MapleResourceKind.FLINK_DEPLOYMENT, id, namespace);
        r.setAdditionalProperty("spec", Map.of(
                "image", "flink:1.20",
                "flinkVersion", "v1_20",
                "serviceAccount", "flink",
                "flinkConfiguration", Map.of("taskmanager.numberOfTaskSlots", "2"),
                "jobManager", Map.of("replicas", 1, "resource", Map.of("memory", "1024m", "cpu", 1)),
                "taskManager", Map.of("replicas", 2, "resource", Map.of("memory", "2g", "cpu", 0.5)),
                "job", Map.of("jarURI", "local:///opt/flink/examples/streaming/StateMachineExample.jar",
                        "parallelism", 2, "upgradeMode", "stateless", "state", "running")));
        return r;
    }

    public static CustomResourceDefinition crd(String resource) {
        try (InputStream in = RenderedResources.class.getResourceAsStream(resource)) {
            return SERIALIZATION.unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates both CRDs (with the status subresource) so the mock server serves the custom resources. */
    public static void installCrds(KubernetesClient client) {
        for (String crd : List.of(SPARK_CRD, FLINK_CRD)) {
            client.apiextensions().v1().customResourceDefinitions().resource(crd(crd)).createOr(c -> c.update());
        }
    }

    private static GenericKubernetesResource base(MapleResourceKind kind, long id, String namespace) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion(kind.apiVersion());
        r.setKind(kind.kind());
        r.setMetadata(new ObjectMetaBuilder().withName(MapleMarkers.resourceName(id)).withNamespace(namespace)
                .withLabels(Map.of(MapleMarkers.ID_LABEL, Long.toString(id))).build());
        return r;
    }

    private static LaunchSpec.Resource spec(MapleResourceKind kind, GenericKubernetesResource r) {
        return new LaunchSpec.Resource(kind.apiVersion(), kind.kind(), r.getMetadata().getNamespace(),
                r.getMetadata().getName(), SERIALIZATION.asYaml(r));
    }
}
