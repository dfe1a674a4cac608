package io.maple.activities.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.config.WebhookProperties;
import io.maple.persistence.webhook.WebhookAttemptMapper;
import io.maple.persistence.webhook.WebhookAttemptRecord;
import io.maple.workflows.contract.ErrorTypes;
import io.maple.workflows.contract.WebhookActivities;
import io.maple.workflows.contract.WebhookDelivery;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * POSTs one event to one URL with an idempotency key and an HMAC-SHA256 signature, and records
 * the attempt. 2xx succeeds; 408, 429 and 5xx and I/O errors are retried by the activity's retry
 * policy; other 4xx are final.
 */
@Component
public class WebhookActivitiesImpl implements WebhookActivities {

    public static final String SIGNATURE_HEADER = "X-Maple-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final HttpClient http;
    private final ObjectMapper json;
    private final WebhookProperties properties;
    private final WebhookAttemptMapper attempts;
    private final Clock clock;

    public WebhookActivitiesImpl(ObjectMapper json, WebhookProperties properties, WebhookAttemptMapper attempts,
                                 Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        this.json = json;
        this.properties = properties;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** {@code sha256=<hex>} of the body under the shared secret; receivers recompute it to verify. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int deliver(WebhookDelivery delivery) {
        int attempt = Activity.getExecutionContext().getInfo().getAttempt();
        byte[] body;
        try {
            body = json.writeValueAsBytes(delivery.event());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_HEADER, delivery.deliveryId())
                .header(SIGNATURE_HEADER, sign(properties.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int code;
        try {
            code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            record(delivery, attempt, null, e.toString());
            throw ApplicationFailure.newFailure("webhook " + delivery.url() + " unreachable: " + e,
                    "WEBHOOK_UNREACHABLE");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("interrupted", "WEBHOOK_UNREACHABLE");
        }
        record(delivery, attempt, code, code >= 300 ? "HTTP " + code : null);
        if (code >= 200 && code < 300) {
            return code;
        }
        if (code >= 400 && code < 500 && code != 408 && code != 429) {
            throw ApplicationFailure.newNonRetryableFailure("webhook " + delivery.url() + " rejected: HTTP " + code,
                    ErrorTypes.WEBHOOK_REJECTED.name());
        }
        throw ApplicationFailure.newFailure("webhook " + delivery.url() + " answered HTTP " + code, "WEBHOOK_HTTP");
    }

    private void record(WebhookDelivery d, int attempt, Integer code, String error) {
        attempts.insert(new WebhookAttemptRecord(null, d.event().executionId(), d.deliveryId(), d.url(),
                d.event().newStatus(), attempt, code, error == null ? null
                        : error.substring(0, Math.min(1000, error.length())), clock.instant()));
    }
}
