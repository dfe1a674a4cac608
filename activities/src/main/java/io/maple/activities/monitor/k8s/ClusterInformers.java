package io.maple.activities.monitor.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.maple.activities.launch.k8s.K8sClusterConfig;
import io.maple.activities.launch.k8s.K8sObservations;
import io.maple.activities.launch.k8s.MapleMarkers;
import io.maple.activities.launch.k8s.MapleResourceKind;
import io.maple.activities.launch.k8s.StickyPhase;
import io.maple.workflows.contract.ClusterObservation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers of one K8S cluster: one per resource kind (and watched namespace), selecting
 * Maple's label, turning each status change into one {@code observe} signal. The first listing
 * after a start re-sends every execution's current state, which is how a restarted worker
 * catches up with what happened while it was down.
 */
public class ClusterInformers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterInformers.class);

    private final String clusterName;
    private final KubernetesClient client;
    private final List<String> namespaces;
    private final Duration resync;
    private final ObservationSender sender;
    private final Clock clock;
    /** Last observation delivered per execution: the dedup and the sticky base. */
    private final Map<Long, ClusterObservation> delivered = new ConcurrentHashMap<>();
    private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();

    public ClusterInformers(String clusterName, KubernetesClient client, List<String> namespaces, Duration resync,
                            ObservationSender sender, Clock clock) {
        this.clusterName = clusterName;
        this.client = client;
        this.namespaces = List.copyOf(namespaces);
        this.resync = resync;
        this.sender = sender;
        this.clock = clock;
    }

    /** Starts every informer; the future completes once all have listed (synced) once. */
    public synchronized CompletableFuture<Void> start() {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (MapleResourceKind kind : MapleResourceKind.values()) {
            for (String namespace : namespaces) {
                var resources = client.genericKubernetesResources(kind.context());
                var scoped = K8sClusterConfig.ALL_NAMESPACES.equals(namespace)
                        ? resources.inAnyNamespace().withLabel(MapleMarkers.ID_LABEL)
                        : resources.inNamespace(namespace).withLabel(MapleMarkers.ID_LABEL);
                SharedIndexInformer<GenericKubernetesResource> informer = scoped.runnableInformer(resync.toMillis());
                informer.addEventHandler(new Handler(kind));
                // keep retrying the list/watch (API server down, CRD not installed yet) instead of dying
                informer.exceptionHandler((isStarted, t) -> {
                    log.warn("K8s informer {} {} on cluster {}: {}", kind.kind(), namespace, clusterName, t.toString());
                    return true;
                });
                informers.add(informer);
                started.add(informer.start().toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
    }

    @Override
    public synchronized void close() {
        informers.forEach(SharedIndexInformer::stop);
        informers.clear();
    }

    public String clusterName() {
        return clusterName;
    }

    private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
        private final MapleResourceKind kind;

        Handler(MapleResourceKind kind) {
            this.kind = kind;
        }

        @Override
        public void onAdd(GenericKubernetesResource resource) {
            K8sObservations.executionId(resource)
                    .ifPresent(id -> deliver(K8sObservations.of(id, kind, resource, clock.millis())));
        }

        @Override
        public void onUpdate(GenericKubernetesResource oldResource, GenericKubernetesResource newResource) {
            onAdd(newResource);
        }

        @Override
        public void onDelete(GenericKubernetesResource resource, boolean finalStateUnknown) {
            Optional<Long> id = K8sObservations.executionId(resource);
            if (id.isEmpty()) {
                return;
            }
            deliver(K8sObservations.deleted(id.get(), kind, resource, clock.millis()));
            delivered.remove(id.get());
        }
    }

    /** Signals the merged observation unless it says nothing new; a failed send is retried by the next resync. */
    void deliver(ClusterObservation observed) {
        delivered.compute(observed.executionId(), (id, previous) -> {
            ClusterObservation merged = StickyPhase.merge(previous, observed);
            if (previous != null && StickyPhase.sameContent(previous, merged)) {
                return previous;
            }
            try {
                sender.send(merged);
                return merged;
            } catch (RuntimeException e) {
                log.warn("could not signal {} of execution {} on cluster {}: {}", merged.phase(), id, clusterName,
                        e.toString());
                return previous;
            }
        });
    }
}
