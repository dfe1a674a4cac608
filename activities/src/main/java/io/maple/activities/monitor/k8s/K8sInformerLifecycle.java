package io.maple.activities.monitor.k8s;

import io.maple.activities.launch.k8s.K8sClients;
import io.maple.domain.ClusterCategory;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the informers of every K8S cluster in {@code maple_cluster} while the worker runs. Signals
 * are client calls recorded by the Temporal server, so no ordering against the worker factory is
 * needed. Clusters added later are picked up by {@link #refresh()} (or a restart).
 */
@Component
@EnableConfigurationProperties(K8sMonitorProperties.class)
public class K8sInformerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(K8sInformerLifecycle.class);

    private final ObjectProvider<ClusterMapper> clusters;
    private final K8sClients clients;
    private final ObservationSender sender;
    private final K8sMonitorProperties properties;
    private final List<ClusterInformers> running = new ArrayList<>();
    private boolean started;

    public K8sInformerLifecycle(ObjectProvider<ClusterMapper> clusters, K8sClients clients, ObservationSender sender,
                                K8sMonitorProperties properties) {
        this.clusters = clusters;
        this.clients = clients;
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        started = true;
        ClusterMapper mapper = clusters.getIfAvailable();
        if (!properties.enabled() || mapper == null) {
            return;
        }
        for (ClusterRecord cluster : mapper.findAllClusters()) {
            if (cluster.category() == ClusterCategory.K8S) {
                startCluster(cluster);
            }
        }
    }

    /** Restarts the informers from the current {@code maple_cluster} rows (clusters added or changed). */
    public synchronized void refresh() {
        stop();
        start();
    }

    private void startCluster(ClusterRecord cluster) {
        try {
            ClusterInformers informers = new ClusterInformers(cluster.name(), clients.client(cluster),
                    clients.config(cluster).namespacesToWatch(), properties.resync(), sender, Clock.systemUTC());
            // not joined: an unreachable cluster must not hold up the worker; its informers keep retrying
            informers.start();
            running.add(informers);
            log.info("K8s informers started for cluster {}", cluster.name());
        } catch (RuntimeException e) {
            log.error("cannot start K8s informers for cluster {}: {}", cluster.name(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        running.forEach(ClusterInformers::close);
        running.clear();
        started = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return started;
    }

    public synchronized List<String> runningClusters() {
        return running.stream().map(ClusterInformers::clusterName).toList();
    }
}
