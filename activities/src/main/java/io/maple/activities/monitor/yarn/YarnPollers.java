package io.maple.activities.monitor.yarn;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.launch.yarn.YarnClientApplicationsSource;
import io.maple.activities.launch.yarn.YarnClients;
import io.maple.activities.launch.yarn.YarnProperties;
import io.maple.domain.ClusterCategory;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs one {@link YarnPoller} per YARN cluster of {@code maple_cluster}, every
 * {@code maple.yarn.poll-interval}, on one scheduler thread. The cluster list is re-read each
 * interval, so a cluster added (or its config changed) is picked up without a restart. Starts with
 * the application when {@code maple.yarn.poller-enabled} is true and a Temporal WorkflowClient bean
 * exists (the worker has one); otherwise it stays idle.
 */
@Component
public class YarnPollers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(YarnPollers.class);

    private final ClusterMapper clusters;
    private final YarnClients yarnClients;
    private final WatchedExecutions watched;
    private final ExecutionStore store;
    private final YarnProperties properties;
    private final Clock clock;
    private final ObjectProvider<WorkflowClient> workflowClient;
    private final ObjectProvider<MeterRegistry> meters;
    private final ObjectProvider<ObjectMapper> json;
    private final Map<String, Map.Entry<String, YarnPoller>> pollers = new HashMap<>();
    private ScheduledExecutorService scheduler;
    private ObservationSink sink;
    private MeterRegistry registry;

    public YarnPollers(ClusterMapper clusters, YarnClients yarnClients, WatchedExecutions watched, ExecutionStore store,
                       YarnProperties properties, Clock clock, ObjectProvider<WorkflowClient> workflowClient,
                       ObjectProvider<MeterRegistry> meters, ObjectProvider<ObjectMapper> json) {
        this.clusters = clusters;
        this.yarnClients = yarnClients;
        this.watched = watched;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.workflowClient = workflowClient;
        this.meters = meters;
        this.json = json;
    }

    @Override
    public synchronized void start() {
        WorkflowClient client = workflowClient.getIfAvailable();
        if (!properties.pollerEnabled() || client == null) {
            log.info("YARN pollers not started (enabled={}, WorkflowClient present={})", properties.pollerEnabled(),
                    client != null);
            return;
        }
        sink = new WorkflowObservationSink(client, store, json.getIfAvailable(ObjectMapper::new));
        registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "maple-yarn-pollers");
            t.setDaemon(true);
            return t;
        });
        long period = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollAll, period, period, TimeUnit.MILLISECONDS);
    }

    /** One interval over every YARN cluster; one cluster's failure never stops the others. */
    public void pollAll() {
        for (ClusterRecord cluster : clusters.findAllClusters()) {
            if (cluster.category() != ClusterCategory.YARN) {
                continue;
            }
            try {
                pollerFor(cluster).pollOnce();
            } catch (RuntimeException e) {
                log.warn("YARN cluster {}: poll failed: {}", cluster.name(), e.toString());
            }
        }
    }

    private YarnPoller pollerFor(ClusterRecord cluster) {
        Map.Entry<String, YarnPoller> entry = pollers.get(cluster.name());
        if (entry == null || !entry.getKey().equals(cluster.config())) {
            YarnPoller poller = new YarnPoller(cluster.name(), new YarnClientApplicationsSource(yarnClients, cluster),
                    watched, sink, properties.startingTimeout(), properties.notFoundGrace(), clock, registry);
            entry = Map.entry(cluster.config(), poller);
            pollers.put(cluster.name(), entry);
        }
        return entry.getValue();
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
