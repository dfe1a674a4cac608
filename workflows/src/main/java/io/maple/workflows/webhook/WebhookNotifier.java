package io.maple.workflows.webhook;

import io.maple.domain.ExecutionStatus;
import io.maple.workflows.contract.ExecutionSnapshot;
import io.maple.workflows.contract.TaskQueues;
import io.maple.workflows.contract.WebhookDelivery;
import io.maple.workflows.contract.WebhookEvent;
import io.maple.workflows.contract.WebhookTarget;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Starts one abandoned child workflow per (status change, URL) and never waits for delivery: the
 * execution only waits, before it ends, for the children to have started.
 */
public class WebhookNotifier {

    private static final Logger log = Workflow.getLogger(WebhookNotifier.class);

    private final ExecutionSnapshot execution;
    private final List<Promise<?>> starts = new ArrayList<>();

    public WebhookNotifier(ExecutionSnapshot execution) {
        this.execution = execution;
    }

    /** Delivery ids are derived from the execution and the transition number, so they are stable. */
    public static String deliveryId(long executionId, int transition, int urlIndex) {
        return "maple-webhook-" + executionId + "-" + transition + "-" + urlIndex;
    }

    public void statusChanged(int transition, ExecutionStatus from, ExecutionStatus to, String reason, String appId) {
        List<WebhookTarget> targets = execution.webhooks();
        if (targets == null) {
            return;
        }
        String time = Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
        WebhookEvent event = new WebhookEvent(execution.executionId(), execution.uniqueId(), execution.fromApp(),
                from == null ? null : from.name(), to.name(), time, reason, appId, transition);
        for (int i = 0; i < targets.size(); i++) {
            WebhookTarget target = targets.get(i);
            if (!target.wants(to)) {
                continue;
            }
            String id = deliveryId(execution.executionId(), transition, i);
            WebhookDeliveryWorkflow child = Workflow.newChildWorkflowStub(WebhookDeliveryWorkflow.class,
                    ChildWorkflowOptions.newBuilder()
                            .setWorkflowId(id)
                            .setTaskQueue(TaskQueues.EXECUTIONS)
                            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                            .setWorkflowIdReusePolicy(
                                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                            .setStaticSummary(to + " -> " + target.url())
                            .build());
            Async.function(child::deliver, new WebhookDelivery(id, target.url(), event));
            starts.add(Workflow.getWorkflowExecution(child));
        }
    }

    /** Waits until every child has started (not finished), so none is lost when the parent ends. */
    public void awaitStarted() {
        for (Promise<?> start : starts) {
            try {
                start.get();
            } catch (RuntimeException e) {
                // already started by an earlier run of this workflow: the delivery exists
                log.warn("webhook child not started: {}", e.getMessage());
            }
        }
        starts.clear();
    }
}
