package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.maple.activities.launch.AppRef;
import io.maple.activities.launch.ClusterLauncher;
import io.maple.activities.launch.LaunchFailedException;
import io.maple.activities.launch.LaunchResult;
import io.maple.activities.launch.LaunchTarget;
import io.maple.domain.ClusterCategory;
import io.maple.engine.spi.LaunchSpec;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Launches SparkApplication / FlinkDeployment resources. The resource is named after the execution
 * and labelled with its id, so a retried launch finds (409 AlreadyExists) and adopts the one an
 * earlier attempt created instead of creating a second one.
 */
@Component
public class K8sLauncher implements ClusterLauncher {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(K8sLauncher.class);

    private final K8sClients clients;
    private final Clock clock;

    @Autowired
    public K8sLauncher(K8sClients clients) {
        this(clients, Clock.systemUTC());
    }

    public K8sLauncher(K8sClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public ClusterCategory category() {
        return ClusterCategory.K8S;
    }

    @Override
    public LaunchResult launch(LaunchTarget target) {
        if (!(target.spec() instanceof LaunchSpec.Resource spec)) {
            throw new LaunchFailedException("a K8S cluster needs a rendered resource, got " + target.spec().getClass().getSimpleName());
        }
        long executionId = target.execution().id();
        MapleResourceKind kind = MapleResourceKind.of(spec.apiVersion(), spec.kind())
                .orElseThrow(() -> new LaunchFailedException("unsupported resource " + spec.apiVersion() + "/" + spec.kind()));
        KubernetesClient client = clients.client(target.cluster());
        String namespace = firstNonBlank(spec.namespace(), target.execution().clusterQueue(),
                clients.config(target.cluster()).defaultNamespace());
        GenericKubernetesResource resource = parse(client, spec, executionId, namespace);
        String name = resource.getMetadata().getName();
        // the token only by reference: the resource is readable by more people than its Secret
        ReportSecrets.inject(resource, kind, executionId, target.environment());
        try {
            ReportSecrets.ensure(client, namespace, executionId, target.environment());
        } catch (KubernetesClientException e) {
            throw classify(e, "create Secret " + namespace + "/" + ReportSecrets.name(executionId));
        }
        try {
            GenericKubernetesResource created = client.genericKubernetesResources(kind.context())
                    .inNamespace(namespace).resource(resource).create();
            ownSecret(client, namespace, executionId, created);
            return new LaunchResult(name, false, K8sObservations.of(executionId, kind, created, clock.millis()),
                    "created " + kind.kind() + " " + namespace + "/" + name);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                // AlreadyExists, normally; the resource itself decides (some servers and the mock
                // give other reasons), and adopt() retries when nothing is there after all
                return adopt(client, kind, namespace, name, executionId, e);
            }
            throw classify(e, "create " + kind.kind() + " " + namespace + "/" + name);
        }
    }

    private static void ownSecret(KubernetesClient client, String namespace, long executionId,
                                  GenericKubernetesResource owner) {
        try {
            ReportSecrets.ownBy(client, namespace, executionId, owner);
        } catch (KubernetesClientException e) {
            // only garbage collection is lost: the Secret outlives the resource, the launch stands
            log.warn("execution {}: Secret {} not owned by {}: {}", executionId, ReportSecrets.name(executionId),
                    owner.getMetadata().getName(), message(e));
        }
    }

    private LaunchResult adopt(KubernetesClient client, MapleResourceKind kind, String namespace, String name,
                               long executionId, KubernetesClientException conflict) {
        GenericKubernetesResource existing;
        try {
            existing = client.genericKubernetesResources(kind.context()).inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            throw classify(e, "read existing " + kind.kind() + " " + namespace + "/" + name);
        }
        if (existing == null) {
            // a conflict other than AlreadyExists, or deleted between our create and our read: retry
            throw classifyRetry(conflict, "create " + kind.kind() + " " + namespace + "/" + name);
        }
        if (existing.getMetadata().getDeletionTimestamp() != null) {
            // an earlier run's resource still being torn down (operator finalizer): never adopt a dying one
            throw new K8sRetryableException(kind.kind() + " " + namespace + "/" + name + " is being deleted", 409, conflict);
        }
        long owner = K8sObservations.executionId(existing).orElse(-1L);
        if (owner != executionId) {
            throw new LaunchFailedException(kind.kind() + " " + namespace + "/" + name
                    + " already exists and is not labelled " + MapleMarkers.ID_LABEL + "=" + executionId);
        }
        return new LaunchResult(name, true, K8sObservations.of(executionId, kind, existing, clock.millis()),
                "adopted existing " + kind.kind() + " " + namespace + "/" + name);
    }

    /** Reads the resource directly: the fallback for missed informer events and worker restarts. */
    @Override
    public ClusterObservation observe(AppRef ref) {
        try {
            List<Found> found = find(ref);
            if (found.isEmpty()) {
                return K8sObservations.notFound(ref.executionId(), nameOf(ref), clock.millis());
            }
            Found f = found.get(0);
            return K8sObservations.of(ref.executionId(), f.kind(), f.resource(), clock.millis());
        } catch (KubernetesClientException e) {
            return K8sObservations.unreachable(ref.executionId(), nameOf(ref),
                    "K8s API server answered " + e.getCode() + ": " + message(e), clock.millis());
        }
    }

    /**
     * Deletes every resource of the execution (deleting is the only kill the operators offer),
     * marking it first so the informer's delete event reads as Maple's kill. Nothing left to
     * delete answers NOT_FOUND: for a retried kill that means the first attempt did it.
     */
    @Override
    public ClusterObservation kill(AppRef ref) {
        return deleteAll(ref, MapleMarkers.DELETED_FOR_KILL, ClusterPhase.KILLED, "killed by Maple");
    }

    /**
     * Cancels a running job: a FlinkDeployment is suspended ({@code spec.job.state: suspended}, the
     * operator stops the job and keeps the resource); a SparkApplication has no suspend in v1beta2,
     * so it is deleted, marked as a cancel.
     */
    @Override
    public ClusterObservation cancel(AppRef ref) {
        List<Found> found;
        try {
            found = find(ref);
        } catch (KubernetesClientException e) {
            throw classifyRetry(e, "find resources of execution " + ref.executionId());
        }
        if (found.isEmpty()) {
            return K8sObservations.notFound(ref.executionId(), nameOf(ref), clock.millis());
        }
        Found f = found.get(0);
        if (f.kind() != MapleResourceKind.FLINK_DEPLOYMENT) {
            return deleteAll(ref, MapleMarkers.DELETED_FOR_CANCEL, ClusterPhase.CANCELED, "canceled by Maple");
        }
        KubernetesClient client = clients.client(ref.cluster());
        GenericKubernetesResource suspended;
        try {
            suspended = client.genericKubernetesResources(f.kind().context())
                    .inNamespace(f.resource().getMetadata().getNamespace())
                    .withName(f.resource().getMetadata().getName())
                    .edit(r -> {
                        Map<String, Object> spec = mutableMap(r.getAdditionalProperties(), "spec");
                        mutableMap(spec, "job").put("state", "suspended");
                        return r;
                    });
        } catch (KubernetesClientException e) {
            throw classifyRetry(e, "suspend FlinkDeployment " + f.resource().getMetadata().getName());
        }
        ClusterObservation now = K8sObservations.of(ref.executionId(), f.kind(), suspended, clock.millis());
        return withPhase(now, ClusterPhase.CANCELED, "suspend requested (spec.job.state=suspended)");
    }

    private ClusterObservation deleteAll(AppRef ref, String marker, ClusterPhase phase, String diagnostics) {
        KubernetesClient client = clients.client(ref.cluster());
        try {
            List<Found> found = find(ref);
            if (found.isEmpty()) {
                return K8sObservations.notFound(ref.executionId(), nameOf(ref), clock.millis());
            }
            ClusterObservation last = null;
            for (Found f : found) {
                ObjectMeta meta = f.resource().getMetadata();
                var op = client.genericKubernetesResources(f.kind().context())
                        .inNamespace(meta.getNamespace()).withName(meta.getName());
                GenericKubernetesResource marked = op.edit(r -> {
                    Map<String, String> annotations = r.getMetadata().getAnnotations() == null
                            ? new HashMap<>() : new HashMap<>(r.getMetadata().getAnnotations());
                    annotations.put(MapleMarkers.DELETED_BY_ANNOTATION, marker);
                    r.getMetadata().setAnnotations(annotations);
                    return r;
                });
                if (op.delete().isEmpty()) {
                    // the client answers a 404 with nothing deleted: another deleter got there first
                    last = K8sObservations.notFound(ref.executionId(), nameOf(ref), clock.millis());
                    continue;
                }
                last = withPhase(K8sObservations.of(ref.executionId(), f.kind(), marked, clock.millis()), phase, diagnostics);
            }
            return last;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                // gone between list and delete: the outcome the caller wanted
                return K8sObservations.notFound(ref.executionId(), nameOf(ref), clock.millis());
            }
            throw classifyRetry(e, "delete resources of execution " + ref.executionId());
        }
    }

    private record Found(MapleResourceKind kind, GenericKubernetesResource resource) {
    }

    /**
     * The execution's resources, found by label: in {@code ref.namespace()} (the execution's queue)
     * first, then in the cluster's default and watched namespaces, so a resource the plugin put in
     * another namespace is still found. A kind whose CRD is absent has none.
     */
    private List<Found> find(AppRef ref) {
        KubernetesClient client = clients.client(ref.cluster());
        for (String namespace : clients.config(ref.cluster()).namespacesFor(ref.namespace())) {
            List<Found> found = new ArrayList<>();
            for (MapleResourceKind kind : MapleResourceKind.values()) {
                try {
                    client.genericKubernetesResources(kind.context()).inNamespace(namespace)
                            .withLabel(MapleMarkers.ID_LABEL, Long.toString(ref.executionId()))
                            .list().getItems()
                            .forEach(r -> found.add(new Found(kind, r)));
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 404) {
                        throw e;
                    }
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static GenericKubernetesResource parse(KubernetesClient client, LaunchSpec.Resource spec, long executionId,
                                                   String namespace) {
        GenericKubernetesResource resource;
        try {
            resource = client.getKubernetesSerialization().unmarshal(spec.yaml(), GenericKubernetesResource.class);
        } catch (RuntimeException e) {
            throw new LaunchFailedException("rendered " + spec.kind() + " is not valid YAML: " + e.getMessage(), e);
        }
        if (resource == null) {
            throw new LaunchFailedException("rendered " + spec.kind() + " is empty");
        }
        ObjectMeta meta = resource.getMetadata() == null ? new ObjectMeta() : resource.getMetadata();
        // the name and the label are what make launch idempotent: never trust the YAML to carry them
        String name = firstNonBlank(spec.name(), meta.getName(), MapleMarkers.resourceName(executionId));
        meta.setName(name);
        meta.setNamespace(namespace);
        Map<String, String> labels = meta.getLabels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(meta.getLabels());
        labels.put(MapleMarkers.ID_LABEL, Long.toString(executionId));
        meta.setLabels(labels);
        resource.setMetadata(meta);
        resource.setApiVersion(spec.apiVersion());
        resource.setKind(spec.kind());
        return resource;
    }

    /**
     * 400/422 (the API server's validation), 401/403 (credentials, quota by policy) and 404 (CRD or
     * namespace missing) do not get better by retrying: START_FAILED with the server's message.
     * 409 other than AlreadyExists, 429, 5xx and connection failures retry.
     */
    static RuntimeException classify(KubernetesClientException e, String action) {
        int code = e.getCode();
        if (code == 400 || code == 401 || code == 403 || code == 404 || code == 422) {
            return new LaunchFailedException(action + " refused (" + code + "): " + message(e), e);
        }
        return classifyRetry(e, action);
    }

    private static K8sRetryableException classifyRetry(KubernetesClientException e, String action) {
        return new K8sRetryableException(action + " failed (" + e.getCode() + "): " + message(e), e.getCode(), e);
    }

    private static String message(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
    }

    private static ClusterObservation withPhase(ClusterObservation o, ClusterPhase phase, String diagnostics) {
        return new ClusterObservation(o.executionId(), o.appId(), phase, o.rawState(), o.finalStatus(), diagnostics,
                o.trackingUrl(), o.memory(), o.cores(), o.detail(), o.observedAtMillis());
    }

    private static String nameOf(AppRef ref) {
        return ref.appId() != null ? ref.appId() : MapleMarkers.resourceName(ref.executionId());
    }

    @SuppressWarnings("unchecked")
    /** The map under {@code key}, copied so it can be changed (fabric8 may hand out immutable ones). */
    static Map<String, Object> mutableMap(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) m);
            parent.put(key, copy);
            return copy;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
