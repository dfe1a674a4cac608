package io.maple.activities.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery.
 *
 * @param secret  HMAC-SHA256 key for the signature header (override it in every real deployment)
 * @param timeout per HTTP call; a slow receiver is retried later, never waited for
 */
@ConfigurationProperties("maple.webhooks")
public record WebhookProperties(@DefaultValue("maple-local-webhook-secret") String secret,
                                @DefaultValue("10s") Duration timeout) {
}
