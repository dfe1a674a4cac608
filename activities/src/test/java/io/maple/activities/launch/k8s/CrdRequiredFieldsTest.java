package io.maple.activities.launch.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrdRequiredFieldsTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @Test
    void renderedSparkApplicationPassesTheCrd() {
        var rendered = SERIALIZATION.unmarshal(RenderedResources.spark(11, "jobs").yaml(), GenericKubernetesResource.class);

        assertThat(CrdRequiredFields.check(RenderedResources.crd(RenderedResources.SPARK_CRD), "v1beta2", rendered))
                .isEmpty();
    }

    @Test
    void renderedFlinkDeploymentPassesTheCrd() {
        var rendered = SERIALIZATION.unmarshal(RenderedResources.flink(12, "jobs").yaml(), GenericKubernetesResource.class);

        assertThat(CrdRequiredFields.check(RenderedResources.crd(RenderedResources.FLINK_CRD), "v1beta1", rendered))
                .isEmpty();
    }

    @Test
    void missingRequiredFieldsAndBadEnumsAreReported() {
        GenericKubernetesResource app = RenderedResources.sparkApplication(13, "jobs");
        Map<String, Object> spec = new LinkedHashMap<>(specOf(app));
        spec.remove("mainApplicationFile");
        spec.put("type", "Jave");
        spec.put("driver", Map.of("cores", "one"));
        app.setAdditionalProperty("spec", spec);

        assertThat(CrdRequiredFields.check(RenderedResources.crd(RenderedResources.SPARK_CRD), "v1beta2", app))
                .containsExactlyInAnyOrder(
                        "spec.mainApplicationFile: required",
                        "spec.type: value 'Jave' not in [Java, Python, Scala, R]",
                        "spec.driver.cores: expected an integer");
    }

    @Test
    void flinkDeploymentWithoutVersionOrWithAnUnknownJobStateIsReported() {
        GenericKubernetesResource deployment = RenderedResources.flinkDeployment(14, "jobs");
        Map<String, Object> spec = new LinkedHashMap<>(specOf(deployment));
        spec.remove("flinkVersion");
        spec.put("job", Map.of("jarURI", "local:///job.jar", "state", "paused"));
        spec.put("taskManager", Map.of("resource", Map.of("cpu", 1)));
        deployment.setAdditionalProperty("spec", spec);

        assertThat(CrdRequiredFields.check(RenderedResources.crd(RenderedResources.FLINK_CRD), "v1beta1", deployment))
                .containsExactlyInAnyOrder(
                        "spec.flinkVersion: required",
                        "spec.job.state: value 'paused' not in [running, suspended]",
                        "spec.taskManager.resource.memory: required");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> specOf(GenericKubernetesResource r) {
        return (Map<String, Object>) r.getAdditionalProperties().get("spec");
    }
}
