package io.maple.api.execution;

import java.time.Instant;

/**
 * One call Maple made to one of an execution's webhooks.
 *
 * @param newStatus  the status change it announced
 * @param httpStatus the receiver's answer; null when none came (see {@code error})
 */
public record WebhookAttemptView(String deliveryId, String url, String newStatus, Integer attempt, Integer httpStatus,
                                 String error, Instant time) {
}
