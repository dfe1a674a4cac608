package io.maple.activities.launch.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A K8s API server for tests outside JUnit's mock extension (other modules, process-level tests):
 * fabric8's mock in CRUD mode on a free port (plain http), with the spark-operator's and
 * flink-operator's CRDs installed, the cluster config JSON Maple needs to reach it, and the
 * operator's part (writing {@code .status}). Usage, e.g. registering a K8S cluster over REST:
 *
 * <pre>
 * try (K8sMockCluster k8s = K8sMockCluster.start()) {
 *     POST /api/v1/admin/clusters with k8s.registration("k8s-a", "jobs")
 *     ... submit with cluster "k8s-a", clusterQueue "jobs"; wait for k8s.resource(kind, id) ...
 *     k8s.operator(MapleResourceKind.SPARK_APPLICATION, "jobs", id, K8sFixtures.sparkStatus("RUNNING", null));
 * }</pre>
 */
public final class K8sMockCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private K8sMockCluster(KubernetesMockServer server) {
        this.server = server;
        this.client = server.createClient();
    }

    /** Starts the mock on a free loopback port and installs both CRDs (with their status subresource). */
    public static K8sMockCluster start() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new ConcurrentHashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
                new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), false);
        server.init();
        K8sMockCluster cluster = new K8sMockCluster(server);
        RenderedResources.installCrds(cluster.client);
        return cluster;
    }

    /** A client of the mock, for playing the operator and for assertions. */
    public KubernetesClient client() {
        return client;
    }

    public String masterUrl() {
        return client.getConfiguration().getMasterUrl();
    }

    /** The {@code maple_cluster.config} of a K8S cluster on this mock (see {@link K8sClusterConfig}). */
    public String configJson(String namespace) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("masterUrl", masterUrl());
        config.put("token", "test-token");
        config.put("namespace", namespace);
        // fail fast: the workflow's activity retries are the outer loop
        config.put("requestRetryBackoffLimit", 0);
        return write(config);
    }

    /** The body of {@code POST /api/v1/admin/clusters} registering this mock as K8S cluster {@code name}. */
    public String registration(String name, String namespace) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("category", "K8S");
        body.put("config", read(configJson(namespace)));
        body.put("description", "fabric8 CRUD mock at " + masterUrl());
        return write(body);
    }

    /** The execution's resource as the API server holds it now, or null. */
    public GenericKubernetesResource resource(MapleResourceKind kind, String namespace, long executionId) {
        return client.genericKubernetesResources(kind.context()).inNamespace(namespace)
                .withName(MapleMarkers.resourceName(executionId)).get();
    }

    /** Plays the operator: replaces {@code .status} through the status subresource. */
    public GenericKubernetesResource operator(MapleResourceKind kind, String namespace, long executionId,
                                              Map<String, Object> status) {
        return K8sFixtures.setStatus(client, kind, namespace, executionId, status);
    }

    /**
     * Plays the operator and the kubelet: a running pod with the engine's container and a sidecar,
     * whose log the mock serves whole and cut to each of {@code tailLines} (its CRUD mode keeps no
     * logs, so the log subresource is an expectation per query the reader will send).
     */
    public void runPod(String namespace, String name, Map<String, String> labels, String container, String log,
                       int... tailLines) {
        client.pods().inNamespace(namespace).resource(new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName(container).withImage("engine").endContainer()
                .addNewContainer().withName("istio-proxy").withImage("proxy").endContainer().endSpec()
                .withNewStatus().withPhase("Running").endStatus().build()).create();
        String path = "/api/v1/namespaces/" + namespace + "/pods/" + name + "/log?pretty=false&container=" + container;
        server.expect().get().withPath(path).andReturn(200, log).always();
        List<String> lines = log.lines().toList();
        for (int n : tailLines) {
            String tail = lines.subList(Math.max(0, lines.size() - n), lines.size()).stream()
                    .collect(Collectors.joining("\n", "", "\n"));
            server.expect().get().withPath(path + "&tailLines=" + n).andReturn(200, tail).always();
        }
    }

    /**
     * The paths (with queries) of the requests the API server got since the last call, oldest first;
     * not just the last one, as fabric8 polls the pod's readiness beside a log read.
     */
    public List<String> takeRequestPaths() {
        List<String> paths = new ArrayList<>();
        try {
            for (var r = server.takeRequest(50, TimeUnit.MILLISECONDS); r != null;
                 r = server.takeRequest(50, TimeUnit.MILLISECONDS)) {
                paths.add(r.getPath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return paths;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
