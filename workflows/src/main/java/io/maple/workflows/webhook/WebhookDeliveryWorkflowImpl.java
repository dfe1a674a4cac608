package io.maple.workflows.webhook;

import io.maple.workflows.contract.ErrorTypes;
import io.maple.workflows.contract.TaskQueues;
import io.maple.workflows.contract.WebhookActivities;
import io.maple.workflows.contract.WebhookDelivery;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/** One activity with bounded exponential retry: 5 s doubling up to 1 h between attempts, 24 h in all. */
public class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {

    private static final Logger log = Workflow.getLogger(WebhookDeliveryWorkflowImpl.class);

    private final WebhookActivities activities = Workflow.newActivityStub(WebhookActivities.class,
            ActivityOptions.newBuilder()
                    .setTaskQueue(TaskQueues.EXECUTIONS)
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setScheduleToCloseTimeout(Duration.ofHours(24))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(5))
                            .setBackoffCoefficient(2.0)
                            .setMaximumInterval(Duration.ofHours(1))
                            .setDoNotRetry(ErrorTypes.WEBHOOK_REJECTED.name())
                            .build())
                    .setSummary("webhook")
                    .build());

    @Override
    public int deliver(WebhookDelivery delivery) {
        try {
            return activities.deliver(delivery);
        } catch (ActivityFailure e) {
            log.warn("webhook {} to {} given up: {}", delivery.deliveryId(), delivery.url(), e.getMessage());
            return -1;
        }
    }
}
