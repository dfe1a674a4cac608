package io.maple.workflows.contract;

/**
 * The JSON body a webhook receiver gets on each status change. {@code time} is ISO-8601 UTC, the
 * workflow's time of the change: changes made in one step (ACCEPTED and STARTING when a slot is free)
 * share it. {@code sequence} numbers an execution's changes from 1 in the order they were made;
 * deliveries run in parallel and may arrive in another order, so a receiver orders by it.
 */
public record WebhookEvent(long executionId, String uniqueId, String fromApp, String oldStatus, String newStatus,
                           String time, String reason, String appId, int sequence) {
}
