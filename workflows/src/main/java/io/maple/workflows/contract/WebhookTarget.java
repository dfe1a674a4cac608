package io.maple.workflows.contract;

import io.maple.domain.ExecutionStatus;
import java.util.Set;

/** One webhook URL of an execution and the statuses it subscribed to (empty: every status change). */
public record WebhookTarget(String url, Set<ExecutionStatus> statuses) {

    public boolean wants(ExecutionStatus status) {
        return statuses == null || statuses.isEmpty() || statuses.contains(status);
    }
}
