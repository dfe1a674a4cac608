package io.maple.workflows.contract;

/** One event for one URL. {@code deliveryId} is stable across retries and sent as the idempotency key. */
public record WebhookDelivery(String deliveryId, String url, WebhookEvent event) {
}
