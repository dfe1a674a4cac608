package io.maple.engine.spi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.engine.spi.ResourceYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Checks a rendered custom resource against an operator CRD's openAPIV3Schema: every {@code required}
 * field present, every {@code enum} respected, every {@code type} matched, recursively. The CRDs are
 * the trimmed copies the K8s launcher tests install on the mock API server (kept in
 * {@code src/test/resources/k8s}).
 */
public final class CrdSchema {

    public static final String SPARK_APPLICATION = "/k8s/sparkapplications.sparkoperator.k8s.io.yaml";
    public static final String FLINK_DEPLOYMENT = "/k8s/flinkdeployments.flink.apache.org.yaml";

    private CrdSchema() {
    }

    @SuppressWarnings("unchecked")
    public static void assertConforms(String crdResource, String yaml) {
        Map<String, Object> crd;
        try (InputStream in = CrdSchema.class.getResourceAsStream(crdResource)) {
            crd = ResourceYaml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
        Map<String, Object> version = ((List<Map<String, Object>>) spec.get("versions")).get(0);
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) version.get("schema")).get("openAPIV3Schema");
        check(schema, ResourceYaml.read(yaml), "");
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> schema, Object value, String path) {
        String type = (String) schema.get("type");
        if (type != null) {
            switch (type) {
                case "object" -> assertThat(value).as(path).isInstanceOf(Map.class);
                case "array" -> assertThat(value).as(path).isInstanceOf(List.class);
                case "string" -> assertThat(value).as(path).isInstanceOf(String.class);
                case "integer" -> assertThat(value).as(path).isInstanceOfAny(Integer.class, Long.class);
                case "number" -> assertThat(value).as(path).isInstanceOf(Number.class);
                case "boolean" -> assertThat(value).as(path).isInstanceOf(Boolean.class);
                default -> { }
            }
        }
        if (schema.get("enum") instanceof List<?> values) {
            assertThat(values.contains(value)).as(path + " = " + value + " is one of " + values).isTrue();
        }
        if (value instanceof Map<?, ?> object) {
            if (schema.get("required") instanceof List<?> required) {
                for (Object field : required) {
                    assertThat(object.containsKey(field)).as(path + " requires " + field).isTrue();
                }
            }
            if (schema.get("properties") instanceof Map<?, ?> properties) {
                properties.forEach((name, sub) -> {
                    if (object.containsKey(name)) {
                        check((Map<String, Object>) sub, object.get(name), path + "." + name);
                    }
                });
            }
        }
        if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < list.size(); i++) {
                check((Map<String, Object>) items, list.get(i), path + "[" + i + "]");
            }
        }
    }
}
