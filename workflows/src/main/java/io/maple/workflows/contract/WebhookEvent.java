package io.maple.workflows.contract;

/** The JSON body a webhook receiver gets on each status change. {@code time} is ISO-8601 UTC. */
public record WebhookEvent(long executionId, String uniqueId, String fromApp, String oldStatus, String newStatus,
                           String time, String reason, String appId) {
}
