package io.maple.worker.temporal;

import io.maple.activities.launch.ClusterActivitiesImpl;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.worker.WorkerProperties;
import io.maple.workflows.contract.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Serves the launch task queue ({@code maple-cluster-<name>}) of every cluster in {@code maple_cluster}
 * that this worker is meant to reach ({@code maple.worker.served-clusters}, all by default), and
 * follows the table: a cluster registered over REST gets a poller within one refresh period, so its
 * executions never wait in STARTING for a worker that nobody configured. One worker factory per
 * cluster, because Temporal's factory takes no new workers once started.
 */
@Component
class ClusterTaskQueueWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterTaskQueueWorkers.class);

    private final WorkflowClient client;
    private final ClusterMapper clusters;
    private final ClusterActivitiesImpl clusterActivities;
    private final WorkerProperties properties;
    private final Map<String, WorkerFactory> serving = new LinkedHashMap<>();
    private ScheduledExecutorService refresher;
    private volatile boolean running;

    ClusterTaskQueueWorkers(WorkflowClient client, ClusterMapper clusters, ClusterActivitiesImpl clusterActivities,
                            WorkerProperties properties) {
        this.client = client;
        this.clusters = clusters;
        this.clusterActivities = clusterActivities;
        this.properties = properties;
    }

    /** Started with the starter's own workers (on ready), not before: runners must not wait on Temporal. */
    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        if (!properties.serveClusterQueues()) {
            return;
        }
        if (properties.clusterRefresh().isZero()) {
            refreshQuietly();
            return;
        }
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "maple-cluster-queues-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, properties.clusterRefresh().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Brings the served cluster queues in line with {@code maple_cluster} now. */
    synchronized void refresh() {
        if (!running) {
            return;
        }
        List<String> wanted = clusters.findAllClusters().stream().map(ClusterRecord::name)
                .filter(this::served).toList();
        for (String name : new ArrayList<>(serving.keySet())) {
            if (!wanted.contains(name)) {
                serving.remove(name).shutdown();
                log.info("stopped serving the launch queue of removed cluster {}", name);
            }
        }
        for (String name : wanted) {
            if (!serving.containsKey(name)) {
                WorkerFactory factory = WorkerFactory.newInstance(client);
                factory.newWorker(TaskQueues.forCluster(name)).registerActivitiesImplementations(clusterActivities);
                factory.start();
                serving.put(name, factory);
                log.info("serving the launch queue {} of cluster {}", TaskQueues.forCluster(name), name);
            }
        }
    }

    synchronized List<String> served() {
        return List.copyOf(serving.keySet());
    }

    private boolean served(String cluster) {
        List<String> only = properties.servedClusters();
        return only == null || only.isEmpty() || only.contains(cluster);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("refreshing the served cluster queues failed (retried next period): {}", e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (refresher != null) {
            refresher.shutdownNow();
        }
        serving.values().forEach(WorkerFactory::shutdown);
        serving.values().forEach(f -> f.awaitTermination(10, TimeUnit.SECONDS));
        serving.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
