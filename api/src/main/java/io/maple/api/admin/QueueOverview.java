package io.maple.api.admin;

import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionMapper;
import io.maple.persistence.execution.QueueCount;
import io.maple.workflows.admission.QueueAdmissionWorkflow;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The cluster queues that hold work, from MySQL's counts, with each queue's limit as its admission
 * workflow holds it (a query; the limit is the worker's configuration, which the api does not read).
 */
@Component
class QueueOverview {

    private final ExecutionMapper executions;
    private final WorkflowClient client;

    QueueOverview(ExecutionMapper executions, WorkflowClient client) {
        this.executions = executions;
        this.client = client;
    }

    List<QueueView> queues() {
        Map<List<String>, List<QueueCount>> byQueue = new LinkedHashMap<>();
        for (QueueCount count : executions.countActiveByQueue()) {
            byQueue.computeIfAbsent(List.of(count.cluster(), count.clusterQueue()), k -> new ArrayList<>()).add(count);
        }
        List<QueueView> views = new ArrayList<>();
        byQueue.forEach((key, counts) -> {
            long running = 0;
            Map<Integer, Long> waiting = new TreeMap<>();
            Instant oldest = null;
            for (QueueCount c : counts) {
                if (c.status() == ExecutionStatus.ACCEPTED) {
                    waiting.merge(c.priority(), c.count(), Long::sum);
                    oldest = oldest == null || c.oldestSince().isBefore(oldest) ? c.oldestSince() : oldest;
                } else {
                    running += c.count();
                }
            }
            views.add(new QueueView(key.get(0), key.get(1), limitOf(key.get(0), key.get(1)), running, waiting, oldest));
        });
        return views;
    }

    private Integer limitOf(String cluster, String clusterQueue) {
        try {
            return client.newWorkflowStub(QueueAdmissionWorkflow.class,
                    QueueAdmissionWorkflow.workflowId(cluster, clusterQueue)).snapshot().limit();
        } catch (RuntimeException e) {
            // no admission workflow for it (yet), or Temporal does not answer: the counts still stand
            return null;
        }
    }
}
