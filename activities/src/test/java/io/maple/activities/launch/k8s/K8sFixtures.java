package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import java.time.Instant;
import java.util.Map;

/** Cluster rows, executions and "the operator" for tests against fabric8's mock API server. */
public final class K8sFixtures {

    private K8sFixtures() {
    }

    /** A K8S cluster row whose config points at the mock server (plain http, no credentials needed). */
    public static ClusterRecord cluster(KubernetesClient mock, String name, String namespace) {
        String config = "{\"masterUrl\":\"" + mock.getConfiguration().getMasterUrl() + "\",\"token\":\"t\","
                + "\"namespace\":\"" + namespace + "\",\"requestRetryBackoffLimit\":0}";
        return new ClusterRecord(1L, name, ClusterCategory.K8S, config, null, Instant.now(), Instant.now());
    }

    public static ExecutionRecord execution(long id, EngineCategory engine, String queue) {
        return new ExecutionRecord(id, "u-" + id, "exec-" + id, null, "app", "k8s-test", queue, engine, "3.5.5", 5,
                ExecutionStatus.ACCEPTED, "g", "alice", null, null, null, null, null, null, null,
                Instant.now(), Instant.now(), 0L);
    }

    /** Plays the operator: replaces {@code .status} through the status subresource. */
    public static GenericKubernetesResource setStatus(KubernetesClient client, MapleResourceKind kind, String namespace,
                                                      long id, Map<String, Object> status) {
        return client.genericKubernetesResources(kind.context()).inNamespace(namespace)
                .withName(MapleMarkers.resourceName(id))
                .editStatus(r -> {
                    r.setAdditionalProperty("status", status);
                    return r;
                });
    }

    public static Map<String, Object> sparkStatus(String state, String error) {
        return Resources.map(
                "applicationState", Resources.map("state", state, "errorMessage", error),
                "driverInfo", Map.of("podName", "maple-driver", "webUIAddress", "10.0.0.7:4040"),
                "sparkApplicationId", "spark-0001",
                "submissionAttempts", 1);
    }

    public static Map<String, Object> flinkStatus(String jobState, String jm, String lifecycle) {
        return flinkStatus(jobState, jm, lifecycle, null);
    }

    /** The flink-operator's status; {@code error} is what it reports when the deployment fails. */
    public static Map<String, Object> flinkStatus(String jobState, String jm, String lifecycle, String error) {
        return Resources.map(
                "jobStatus", Resources.map("state", jobState, "jobId", "a1b2"),
                "jobManagerDeploymentStatus", jm,
                "lifecycleState", lifecycle,
                "error", error);
    }
}
