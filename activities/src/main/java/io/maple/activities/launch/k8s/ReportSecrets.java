package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.maple.domain.report.ReportTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hands a driver on K8s its report token: the token lives in a Secret {@code maple-<id>-report} and
 * the driver's env refers to it ({@code valueFrom.secretKeyRef}), so the custom resource, which
 * anyone who may read it sees in full, carries only the Secret's name. The other engine variables
 * (report URL, execution id) are plain values. SparkApplication: {@code spec.driver.env} (applied by
 * the spark-operator's mutating webhook, which must be enabled); FlinkDeployment: the
 * {@code flink-main-container} of {@code spec.podTemplate}.
 */
final class ReportSecrets {

    static final String KEY = "token";
    private static final String FLINK_MAIN_CONTAINER = "flink-main-container";

    private ReportSecrets() {
    }

    static String name(long executionId) {
        return MapleMarkers.resourceName(executionId) + "-report";
    }

    /** Creates the execution's Secret; one an earlier attempt created is kept (same token). */
    static void ensure(KubernetesClient client, String namespace, long executionId, Map<String, String> environment) {
        String token = environment.get(ReportTokens.TOKEN_ENV);
        if (token == null) {
            return;
        }
        Secret secret = new SecretBuilder().withNewMetadata().withName(name(executionId)).withNamespace(namespace)
                .addToLabels(MapleMarkers.ID_LABEL, Long.toString(executionId)).endMetadata()
                .withType("Opaque").addToStringData(KEY, token).build();
        try {
            client.secrets().inNamespace(namespace).resource(secret).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    /** Lets the cluster delete the Secret with the resource (garbage collection by owner). */
    static void ownBy(KubernetesClient client, String namespace, long executionId, GenericKubernetesResource owner) {
        if (owner.getMetadata().getUid() == null) {
            return;
        }
        OwnerReference ref = new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).build();
        var secret = client.secrets().inNamespace(namespace).withName(name(executionId));
        if (secret.get() != null) {
            secret.edit(s -> {
                s.getMetadata().setOwnerReferences(List.of(ref));
                return s;
            });
        }
    }

    /** Adds the engine environment to the pods the resource describes; the token only by reference. */
    static void inject(GenericKubernetesResource resource, MapleResourceKind kind, long executionId,
                       Map<String, String> environment) {
        if (environment.isEmpty()) {
            return;
        }
        List<Object> vars = new ArrayList<>();
        new TreeMap<>(environment).forEach((name, value) -> vars.add(ReportTokens.TOKEN_ENV.equals(name)
                ? Map.of("name", name, "valueFrom",
                        Map.of("secretKeyRef", Map.of("name", name(executionId), "key", KEY)))
                : Map.of("name", name, "value", value)));
        Map<String, Object> spec = K8sLauncher.mutableMap(resource.getAdditionalProperties(), "spec");
        Map<String, Object> container = kind == MapleResourceKind.SPARK_APPLICATION
                ? K8sLauncher.mutableMap(spec, "driver")
                : flinkMainContainer(spec);
        List<Object> env = container.get("env") instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
        env.removeIf(v -> v instanceof Map<?, ?> m && environment.containsKey(String.valueOf(m.get("name"))));
        env.addAll(vars);
        container.put("env", env);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flinkMainContainer(Map<String, Object> spec) {
        Map<String, Object> template = K8sLauncher.mutableMap(spec, "podTemplate");
        template.putIfAbsent("apiVersion", "v1");
        template.putIfAbsent("kind", "Pod");
        Map<String, Object> podSpec = K8sLauncher.mutableMap(template, "spec");
        List<Object> containers = podSpec.get("containers") instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
        podSpec.put("containers", containers);
        for (int i = 0; i < containers.size(); i++) {
            if (containers.get(i) instanceof Map<?, ?> c && FLINK_MAIN_CONTAINER.equals(c.get("name"))) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) c);
                containers.set(i, copy);
                return copy;
            }
        }
        Map<String, Object> main = new LinkedHashMap<>();
        main.put("name", FLINK_MAIN_CONTAINER);
        containers.add(main);
        return main;
    }
}
