package io.maple.activities.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery.
 *
 * @param secret  HMAC-SHA256 key for the signature header (override it in every real deployment)
 * @param timeout per HTTP call (connect and answer); a slow receiver is retried later, never waited for
 * @param allowedInternalHosts host names or CIDRs every app's webhooks may reach even though they are
 *                             loopback, link-local or private (SSRF guard); apps list their own in
 *                             {@code maple_application.webhook_hosts}
 */
@ConfigurationProperties("maple.webhooks")
public record WebhookProperties(@DefaultValue("maple-local-webhook-secret") String secret,
                                @DefaultValue("10s") Duration timeout,
                                @DefaultValue({}) List<String> allowedInternalHosts) {
}
