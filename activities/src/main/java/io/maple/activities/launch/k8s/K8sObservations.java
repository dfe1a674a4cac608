package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Turns a SparkApplication / FlinkDeployment (or its disappearance) into the {@code observe} payload. */
public final class K8sObservations {

    public static final String DELETED_EXTERNALLY = "resource was deleted outside Maple";

    private K8sObservations() {
    }

    /** The execution id a resource belongs to, from its {@code maple-id} label. */
    public static Optional<Long> executionId(GenericKubernetesResource resource) {
        Map<String, String> labels = resource.getMetadata() == null ? null : resource.getMetadata().getLabels();
        String value = labels == null ? null : labels.get(MapleMarkers.ID_LABEL);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static ClusterObservation of(long executionId, MapleResourceKind kind, GenericKubernetesResource resource,
                                        long nowMillis) {
        MappedState state = kind.map(resource);
        return build(executionId, kind, resource, state.phase(), state.rawState(), state.diagnostics(), nowMillis);
    }

    /**
     * The observation for a resource that disappeared, from the last state the informer held:
     * KILLED / CANCELED when Maple deleted it (its annotation says so), otherwise FAILED with a
     * reason. A terminal phase seen before the delete wins through {@link StickyPhase}.
     */
    public static ClusterObservation deleted(long executionId, MapleResourceKind kind,
                                             GenericKubernetesResource lastKnown, long nowMillis) {
        MappedState last = kind.map(lastKnown);
        String marker = annotation(lastKnown, MapleMarkers.DELETED_BY_ANNOTATION);
        ClusterPhase phase;
        String diagnostics;
        if (MapleMarkers.DELETED_FOR_KILL.equals(marker)) {
            phase = ClusterPhase.KILLED;
            diagnostics = "killed by Maple";
        } else if (MapleMarkers.DELETED_FOR_CANCEL.equals(marker)) {
            phase = ClusterPhase.CANCELED;
            diagnostics = "canceled by Maple";
        } else {
            phase = ClusterPhase.FAILED;
            diagnostics = DELETED_EXTERNALLY + (last.diagnostics() == null ? "" : "; last error: " + last.diagnostics());
        }
        return build(executionId, kind, lastKnown, phase, "DELETED", diagnostics, nowMillis);
    }

    public static ClusterObservation notFound(long executionId, String name, long nowMillis) {
        return new ClusterObservation(executionId, name, ClusterPhase.NOT_FOUND, null, null,
                "no SparkApplication or FlinkDeployment labelled " + MapleMarkers.ID_LABEL + "=" + executionId,
                null, null, null, Map.of(), nowMillis);
    }

    public static ClusterObservation unreachable(long executionId, String name, String why, long nowMillis) {
        return new ClusterObservation(executionId, name, ClusterPhase.UNREACHABLE, null, null, why,
                null, null, null, Map.of(), nowMillis);
    }

    private static ClusterObservation build(long executionId, MapleResourceKind kind, GenericKubernetesResource r,
                                            ClusterPhase phase, String rawState, String diagnostics, long nowMillis) {
        ObjectMeta meta = r.getMetadata();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("kind", kind.kind());
        if (meta != null && meta.getNamespace() != null) {
            detail.put("namespace", meta.getNamespace());
        }
        String webUi;
        String finalStatus;
        ResourceUsage usage;
        if (kind == MapleResourceKind.SPARK_APPLICATION) {
            putIfPresent(detail, "driverPod", ResourceFields.string(r, "status", "driverInfo", "podName"));
            putIfPresent(detail, "sparkApplicationId", ResourceFields.string(r, "status", "sparkApplicationId"));
            putIfPresent(detail, "submissionAttempts", ResourceFields.string(r, "status", "submissionAttempts"));
            putIfPresent(detail, "executionAttempts", ResourceFields.string(r, "status", "executionAttempts"));
            String ingress = ResourceFields.string(r, "status", "driverInfo", "webUIIngressAddress");
            webUi = ingress != null && !ingress.isBlank()
                    ? ingress : ResourceFields.string(r, "status", "driverInfo", "webUIAddress");
            finalStatus = ResourceFields.string(r, "status", "applicationState", "state");
            usage = ResourceUsage.ofSparkApplication(r);
        } else {
            putIfPresent(detail, "jobId", ResourceFields.string(r, "status", "jobStatus", "jobId"));
            putIfPresent(detail, "jobManagerDeploymentStatus", ResourceFields.string(r, "status", "jobManagerDeploymentStatus"));
            putIfPresent(detail, "lifecycleState", ResourceFields.string(r, "status", "lifecycleState"));
            // the operator names the JobManager's REST service "<name>-rest" (port 8081)
            webUi = meta == null || meta.getNamespace() == null ? null
                    : "http://" + meta.getName() + "-rest." + meta.getNamespace() + ":8081";
            finalStatus = ResourceFields.string(r, "status", "jobStatus", "state");
            usage = ResourceUsage.ofFlinkDeployment(r);
        }
        putIfPresent(detail, "webUI", webUi);
        putIfPresent(detail, "error", diagnostics);
        return new ClusterObservation(executionId, meta == null ? null : meta.getName(), phase, rawState, finalStatus,
                diagnostics, webUi, usage.memory(), usage.cores(), Map.copyOf(detail), nowMillis);
    }

    private static String annotation(GenericKubernetesResource r, String key) {
        Map<String, String> annotations = r.getMetadata() == null ? null : r.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
