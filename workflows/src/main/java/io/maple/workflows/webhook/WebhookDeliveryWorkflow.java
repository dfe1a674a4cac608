package io.maple.workflows.webhook;

import io.maple.workflows.contract.WebhookDelivery;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Delivers one status-change event to one URL, retrying for up to a day. A child of the execution
 * workflow that outlives it (ParentClosePolicy ABANDON), so a dead receiver never holds up the execution.
 */
@WorkflowInterface
public interface WebhookDeliveryWorkflow {

    /** Returns the receiver's final HTTP status, or -1 when delivery was given up. */
    @WorkflowMethod
    int deliver(WebhookDelivery delivery);
}
