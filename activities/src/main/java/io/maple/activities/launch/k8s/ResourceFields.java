package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;

/** Null-safe reads of nested fields of a generic resource ({@code spec}, {@code status}, ...). */
final class ResourceFields {

    private ResourceFields() {
    }

    static Object get(GenericKubernetesResource resource, String... path) {
        Object current = resource.getAdditionalProperties();
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static String string(GenericKubernetesResource resource, String... path) {
        Object value = get(resource, path);
        return value == null ? null : value.toString();
    }

    static Long number(GenericKubernetesResource resource, String... path) {
        Object value = get(resource, path);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Double decimal(GenericKubernetesResource resource, String... path) {
        Object value = get(resource, path);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
