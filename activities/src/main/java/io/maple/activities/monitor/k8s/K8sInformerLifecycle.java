package io.maple.activities.monitor.k8s;

import io.maple.activities.launch.k8s.K8sClients;
import io.maple.domain.ClusterCategory;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the informers of every K8S cluster in {@code maple_cluster} while the worker runs, and
 * follows the table: every {@code maple.k8s.informers.cluster-refresh} (and on {@link #refresh()})
 * clusters added get informers, removed ones lose them, and a changed config restarts them.
 * Signals are client calls recorded by the Temporal server, so no ordering against the worker
 * factory is needed.
 */
@Component
@EnableConfigurationProperties(K8sMonitorProperties.class)
public class K8sInformerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(K8sInformerLifecycle.class);

    private record Running(String configJson, ClusterInformers informers) {
    }

    private final ObjectProvider<ClusterMapper> clusters;
    private final K8sClients clients;
    private final ObservationSender sender;
    private final K8sMonitorProperties properties;
    private final Map<String, Running> running = new LinkedHashMap<>();
    private ScheduledExecutorService refresher;
    private boolean started;

    public K8sInformerLifecycle(ObjectProvider<ClusterMapper> clusters, K8sClients clients, ObservationSender sender,
                                K8sMonitorProperties properties) {
        this.clients = clients;
        this.clusters = clusters;
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        started = true;
        if (!properties.enabled() || clusters.getIfAvailable() == null) {
            return;
        }
        refresh();
        if (!properties.clusterRefresh().isZero()) {
            refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "maple-k8s-informer-refresh");
                t.setDaemon(true);
                return t;
            });
            long period = properties.clusterRefresh().toMillis();
            refresher.scheduleWithFixedDelay(this::refreshQuietly, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** Brings the running informers in line with the K8S rows of {@code maple_cluster} now. */
    public synchronized void refresh() {
        ClusterMapper mapper = clusters.getIfAvailable();
        if (!started || !properties.enabled() || mapper == null) {
            return;
        }
        Map<String, ClusterRecord> wanted = new LinkedHashMap<>();
        for (ClusterRecord cluster : mapper.findAllClusters()) {
            if (cluster.category() == ClusterCategory.K8S) {
                wanted.put(cluster.name(), cluster);
            }
        }
        for (String name : new ArrayList<>(running.keySet())) {
            ClusterRecord row = wanted.get(name);
            if (row == null || !row.config().equals(running.get(name).configJson())) {
                running.remove(name).informers().close();
                log.info("K8s informers stopped for cluster {}", name);
            }
        }
        wanted.values().stream().filter(c -> !running.containsKey(c.name())).forEach(this::startCluster);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("K8s informer refresh failed: {}", e.toString());
        }
    }

    private void startCluster(ClusterRecord cluster) {
        try {
            ClusterInformers informers = new ClusterInformers(cluster.name(), clients.client(cluster),
                    clients.config(cluster).namespacesToWatch(), properties.resync(), sender, Clock.systemUTC());
            // not joined: an unreachable cluster must not hold up the worker; its informers keep retrying
            informers.start();
            running.put(cluster.name(), new Running(cluster.config(), informers));
            log.info("K8s informers started for cluster {}", cluster.name());
        } catch (RuntimeException e) {
            log.error("cannot start K8s informers for cluster {}: {}", cluster.name(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
        running.values().forEach(r -> r.informers().close());
        running.clear();
        started = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return started;
    }

    public synchronized List<String> runningClusters() {
        return List.copyOf(running.keySet());
    }
}
