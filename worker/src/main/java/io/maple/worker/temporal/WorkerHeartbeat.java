package io.maple.worker.temporal;

import io.maple.persistence.worker.WorkerMapper;
import io.maple.persistence.worker.WorkerRecord;
import io.maple.workflows.contract.TaskQueues;
import io.temporal.client.WorkflowClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes this worker's row in {@code maple_worker} every {@code maple.worker.heartbeat-interval}: its
 * Temporal identity and the task queues it polls. The api lists workers from these rows where the
 * Temporal server cannot describe a task queue's pollers (the Java test server).
 */
@Component
class WorkerHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(WorkerHeartbeat.class);
    /** A worker silent this long is gone (a restart has a new pid, so a new row): its row is dropped. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final WorkerMapper workers;
    private final WorkflowClient client;
    private final ClusterTaskQueueWorkers clusterQueues;
    private final Clock clock;
    private final Instant startedAt;
    private final String host;

    WorkerHeartbeat(WorkerMapper workers, WorkflowClient client, ClusterTaskQueueWorkers clusterQueues, Clock clock) {
        this.workers = workers;
        this.client = client;
        this.clusterQueues = clusterQueues;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.host = hostName();
    }

    @Scheduled(fixedDelayString = "${maple.worker.heartbeat-interval:10s}")
    public void beat() {
        List<String> queues = new ArrayList<>();
        queues.add(TaskQueues.EXECUTIONS);
        clusterQueues.served().forEach(cluster -> queues.add(TaskQueues.forCluster(cluster)));
        Instant now = clock.instant();
        try {
            workers.upsert(WorkerRecord.of(client.getOptions().getIdentity(), host, queues, startedAt, now));
            workers.forgetSilentBefore(now.minus(FORGET_AFTER));
        } catch (RuntimeException e) {
            log.warn("could not record this worker's heartbeat (retried next period): {}", e.toString());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
