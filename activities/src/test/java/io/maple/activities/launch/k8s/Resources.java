package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds resources for the mapper tests from (possibly null) field values. */
final class Resources {

    private Resources() {
    }

    static GenericKubernetesResource resource(String kind, Map<String, Object> spec, Map<String, Object> status) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setKind(kind);
        r.setMetadata(new ObjectMetaBuilder().withName("maple-1").withNamespace("ns")
                .withLabels(Map.of(MapleMarkers.ID_LABEL, "1")).build());
        if (spec != null) {
            r.setAdditionalProperty("spec", spec);
        }
        if (status != null) {
            r.setAdditionalProperty("status", status);
        }
        return r;
    }

    /** A map from alternating key/value arguments, skipping null values (an absent field). */
    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return List.of(items);
    }
}
