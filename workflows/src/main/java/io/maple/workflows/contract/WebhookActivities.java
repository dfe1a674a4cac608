package io.maple.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Delivers one status-change event to one URL; each attempt is recorded. */
@ActivityInterface
public interface WebhookActivities {

    /** Returns the receiver's HTTP status; 5xx and I/O errors are retried, 4xx fail for good. */
    @ActivityMethod
    int deliver(WebhookDelivery delivery);
}
