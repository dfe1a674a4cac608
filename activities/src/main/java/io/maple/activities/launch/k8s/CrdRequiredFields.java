package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a rendered resource against a CRD's OpenAPI schema the way the API server would before
 * an operator ever sees it: {@code required} properties present, {@code enum} values allowed,
 * object/array/scalar types right. A small subset of structural-schema validation, enough to
 * catch a plugin rendering a SparkApplication or FlinkDeployment the API server would refuse.
 */
public final class CrdRequiredFields {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private CrdRequiredFields() {
    }

    /** The violations, each as "path: problem"; empty when the resource passes. */
    public static List<String> check(CustomResourceDefinition crd, String version, GenericKubernetesResource resource) {
        CustomResourceDefinitionVersion v = crd.getSpec().getVersions().stream()
                .filter(candidate -> candidate.getName().equals(version))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("CRD " + crd.getMetadata().getName() + " has no version " + version));
        Object document = SERIALIZATION.convertValue(resource, Map.class);
        List<String> problems = new ArrayList<>();
        walk(v.getSchema().getOpenAPIV3Schema(), document, "", problems);
        return problems;
    }

    private static void walk(JSONSchemaProps schema, Object value, String path, List<String> problems) {
        if (schema == null || value == null) {
            return;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            List<String> allowed = schema.getEnum().stream()
                    .map(e -> String.valueOf(SERIALIZATION.convertValue(e, Object.class)))
                    .toList();
            if (!allowed.contains(String.valueOf(value))) {
                problems.add(display(path) + ": value '" + value + "' not in " + allowed);
            }
        }
        String type = schema.getType();
        if ("object".equals(type)) {
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(display(path) + ": expected an object");
                return;
            }
            if (schema.getRequired() != null) {
                for (String required : schema.getRequired()) {
                    if (!map.containsKey(required) || map.get(required) == null) {
                        problems.add(display(path + "." + required) + ": required");
                    }
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((key, child) -> walk(child, map.get(key), path + "." + key, problems));
            }
        } else if ("array".equals(type)) {
            if (!(value instanceof List<?> list)) {
                problems.add(display(path) + ": expected an array");
                return;
            }
            if (schema.getItems() != null && schema.getItems().getSchema() != null) {
                for (int i = 0; i < list.size(); i++) {
                    walk(schema.getItems().getSchema(), list.get(i), path + "[" + i + "]", problems);
                }
            }
        } else if ("string".equals(type) && !(value instanceof String)
                && !Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
            problems.add(display(path) + ": expected a string");
        } else if ("integer".equals(type) && !(value instanceof Integer || value instanceof Long)
                && !Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
            problems.add(display(path) + ": expected an integer");
        } else if ("number".equals(type) && !(value instanceof Number)) {
            problems.add(display(path) + ": expected a number");
        } else if ("boolean".equals(type) && !(value instanceof Boolean)) {
            problems.add(display(path) + ": expected a boolean");
        }
    }

    private static String display(String path) {
        return path.isEmpty() ? "<root>" : path.substring(1);
    }
}
