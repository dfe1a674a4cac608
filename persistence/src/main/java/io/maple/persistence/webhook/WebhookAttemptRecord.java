package io.maple.persistence.webhook;

import java.time.Instant;

/** One row of {@code maple_webhook_attempt}: one HTTP call to one webhook URL. */
public record WebhookAttemptRecord(Long id, Long executionId, String deliveryId, String url, String newStatus,
                                   Integer attempt, Integer httpStatus, String error, Instant createTime) {
}
