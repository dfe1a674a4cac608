package io.maple.workflows.contract;

import io.maple.domain.ClusterCategory;
import io.maple.domain.ExecutionStatus;
import java.util.List;

/**
 * What the workflow needs to know about its execution, loaded once by an activity (the workflow
 * never reads MySQL or configuration itself).
 */
public record ExecutionSnapshot(
        long executionId,
        String uniqueId,
        String execName,
        ExecutionStatus status,
        String cluster,
        ClusterCategory clusterCategory,
        String clusterQueue,
        String fromApp,
        String group,
        String user,
        String engine,
        int priority,
        List<WebhookTarget> webhooks,
        WorkflowSettings settings) {

    /** The admission limit applies to this key: cluster + cluster queue. */
    public String clusterQueueKey() {
        return cluster + "-" + clusterQueue;
    }

    /** The seed's queue key, e.g. {@code hadoop-root.default-schedule-maple-1}. */
    public String queueKey() {
        return cluster + "-" + clusterQueue + "-" + fromApp + "-" + group + "-" + priority;
    }
}
