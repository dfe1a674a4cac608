package io.maple.api.admin;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.maple.api.config.ConsoleProperties;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.worker.WorkerMapper;
import io.maple.persistence.worker.WorkerRecord;
import io.maple.workflows.contract.TaskQueues;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.PollerInfo;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which workers poll Maple's task queues: the workflow queue and each registered cluster's launch
 * queue (the seed's instance list, in Temporal's terms). Asks the server's DescribeTaskQueue; where
 * the server does not implement it (the Java test server), reads the workers' heartbeat rows.
 */
@Component
class WorkerDirectory {

    private final WorkflowClient client;
    private final ClusterMapper clusters;
    private final WorkerMapper workers;
    private final ConsoleProperties properties;
    private final Clock clock;

    WorkerDirectory(WorkflowClient client, ClusterMapper clusters, WorkerMapper workers, ConsoleProperties properties,
                    Clock clock) {
        this.client = client;
        this.clusters = clusters;
        this.workers = workers;
        this.properties = properties;
        this.clock = clock;
    }

    List<TaskQueueWorkersView> list() {
        List<TaskQueueWorkersView> queues = new ArrayList<>();
        queues.add(new TaskQueueWorkersView(TaskQueues.EXECUTIONS, null, null, List.of()));
        for (ClusterRecord cluster : clusters.findAllClusters()) {
            queues.add(new TaskQueueWorkersView(TaskQueues.forCluster(cluster.name()), cluster.name(), null, List.of()));
        }
        try {
            return queues.stream().map(q -> new TaskQueueWorkersView(q.taskQueue(), q.cluster(), "temporal",
                    polling(q.taskQueue(), q.cluster() == null ? TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW
                            : TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY))).toList();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
                throw e;
            }
        }
        List<WorkerRecord> heard = workers.heardSince(clock.instant().minus(properties.workerSilence()));
        return queues.stream().map(q -> new TaskQueueWorkersView(q.taskQueue(), q.cluster(), "heartbeat",
                heard.stream().filter(w -> w.taskQueueList().contains(q.taskQueue()))
                        .map(w -> new PollerView(w.identity(), w.host(), w.heartbeatTime())).toList())).toList();
    }

    private List<PollerView> polling(String taskQueue, TaskQueueType type) {
        return client.getWorkflowServiceStubs().blockingStub().describeTaskQueue(DescribeTaskQueueRequest.newBuilder()
                        .setNamespace(client.getOptions().getNamespace())
                        .setTaskQueue(TaskQueue.newBuilder().setName(taskQueue))
                        .setTaskQueueType(type)
                        .build())
                .getPollersList().stream().map(WorkerDirectory::view).toList();
    }

    private static PollerView view(PollerInfo poller) {
        return new PollerView(poller.getIdentity(), null, Instant.ofEpochSecond(poller.getLastAccessTime().getSeconds(),
                poller.getLastAccessTime().getNanos()));
    }
}
