package io.maple.api.admin;

import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionMapper;
import io.maple.persistence.execution.QueueCount;
import io.maple.persistence.queue.QueueGateRecord;
import io.maple.persistence.queue.QueueLoad;
import io.maple.persistence.queue.QueueSlots;
import io.maple.persistence.queue.SlotState;
import io.maple.workflows.admission.QueueAdmissionWorkflow;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The cluster queues that hold work, from MySQL's counts: executions by status, slots held in the
 * queue tables, and each queue's limit as its last change applied it (the limit is the worker's
 * configuration, which the api does not read). A queue no change has reached since the queue tables
 * came is asked for its admission workflow's limit.
 */
@Component
class QueueOverview {

    private final ExecutionMapper executions;
    private final QueueSlots slots;
    private final WorkflowClient client;

    QueueOverview(ExecutionMapper executions, QueueSlots slots, WorkflowClient client) {
        this.executions = executions;
        this.slots = slots;
        this.client = client;
    }

    List<QueueView> queues() {
        Map<List<String>, List<QueueCount>> byQueue = new LinkedHashMap<>();
        for (QueueCount count : executions.countActiveByQueue()) {
            byQueue.computeIfAbsent(List.of(count.cluster(), count.clusterQueue()), k -> new ArrayList<>()).add(count);
        }
        Map<List<String>, Long> holding = new HashMap<>();
        for (QueueLoad load : slots.load()) {
            if (load.state() == SlotState.HOLDING) {
                holding.merge(List.of(load.cluster(), load.clusterQueue()), load.count(), Long::sum);
            }
        }
        Map<List<String>, Integer> limits = new HashMap<>();
        for (QueueGateRecord gate : slots.gates()) {
            if (gate.queueLimit() != null) {
                limits.put(List.of(gate.cluster(), gate.clusterQueue()), gate.queueLimit());
            }
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
            Integer limit = limits.containsKey(key) ? limits.get(key) : admissionWorkflowLimit(key.get(0), key.get(1));
            views.add(new QueueView(key.get(0), key.get(1), limit, running, holding.getOrDefault(key, 0L), waiting,
                    oldest));
        });
        return views;
    }

    private Integer admissionWorkflowLimit(String cluster, String clusterQueue) {
        try {
            return client.newWorkflowStub(QueueAdmissionWorkflow.class,
                    QueueAdmissionWorkflow.workflowId(cluster, clusterQueue)).snapshot().limit();
        } catch (RuntimeException e) {
            // no admission workflow for it, or Temporal does not answer: the counts still stand
            return null;
        }
    }
}
