package io.maple.activities.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.config.WebhookProperties;
import io.maple.domain.WebhookTargets;
import io.maple.persistence.application.ApplicationMapper;
import io.maple.persistence.application.ApplicationRecord;
import io.maple.persistence.webhook.WebhookAttemptMapper;
import io.maple.persistence.webhook.WebhookAttemptRecord;
import io.maple.workflows.contract.ErrorTypes;
import io.maple.workflows.contract.WebhookActivities;
import io.maple.workflows.contract.WebhookDelivery;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * POSTs one event to one URL with an idempotency key and a timestamped HMAC-SHA256 signature, and
 * records the attempt. 2xx succeeds; 408, 429 and 5xx and I/O errors are retried by the activity's
 * retry policy; other 4xx are final. Before each attempt the host is resolved and every address is
 * checked against the app's webhook hosts and the internal ranges (SSRF), final when refused;
 * redirects are never followed (HttpClient's default), so a receiver cannot bounce us inside.
 */
@Component
public class WebhookActivitiesImpl implements WebhookActivities {

    public static final String SIGNATURE_HEADER = "X-Maple-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String TIMESTAMP_HEADER = "X-Maple-Timestamp";

    private final HttpClient http;
    private final ObjectMapper json;
    private final WebhookProperties properties;
    private final WebhookAttemptMapper attempts;
    private final ApplicationMapper applications;
    private final Clock clock;

    public WebhookActivitiesImpl(ObjectMapper json, WebhookProperties properties, WebhookAttemptMapper attempts,
                                 ApplicationMapper applications, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
        this.properties = properties;
        this.attempts = attempts;
        this.applications = applications;
        this.clock = clock;
    }

    /**
     * {@code t=<epoch seconds>,sha256=<hex HMAC of "<t>.<body>">} under the shared secret; receivers
     * recompute it and refuse old timestamps, so a captured delivery cannot be replayed later.
     */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + epochSeconds + ",sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
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
        URI target = URI.create(delivery.url());
        String refusal = refusal(target, delivery.event().fromApp());
        if (refusal != null) {
            record(delivery, attempt, null, "refused: " + refusal);
            throw ApplicationFailure.newNonRetryableFailure("webhook " + delivery.url() + " refused: " + refusal,
                    ErrorTypes.WEBHOOK_REJECTED.name());
        }
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header(IDEMPOTENCY_HEADER, delivery.deliveryId())
                .header(TIMESTAMP_HEADER, Long.toString(now))
                .header(SIGNATURE_HEADER, sign(properties.secret(), now, body))
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

    /**
     * Null when every address the host resolves to may be reached. The client resolves again when it
     * connects, so a rebinding DNS server has a short window left; pinning the address is left open.
     */
    private String refusal(URI target, String fromApp) {
        String host = target.getHost();
        if (host == null || !("http".equalsIgnoreCase(target.getScheme()) || "https".equalsIgnoreCase(target.getScheme()))) {
            return "not an http(s) URL with a host";
        }
        host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw ApplicationFailure.newFailure("webhook host " + host + " does not resolve", "WEBHOOK_UNREACHABLE");
        }
        WebhookTargets everyone = new WebhookTargets(properties.allowedInternalHosts());
        WebhookTargets app = new WebhookTargets(appHosts(fromApp));
        for (InetAddress address : addresses) {
            if (everyone.lists(host, address)) {
                continue;
            }
            String refused = app.refusal(host, address);
            if (refused != null) {
                return refused;
            }
        }
        return null;
    }

    private List<String> appHosts(String fromApp) {
        ApplicationRecord app = fromApp == null ? null : applications.findByName(fromApp);
        if (app == null || app.webhookHosts() == null || app.webhookHosts().isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(app.webhookHosts(), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maple_application.webhook_hosts of " + fromApp + " is not a list", e);
        }
    }

    private void record(WebhookDelivery d, int attempt, Integer code, String error) {
        attempts.insert(new WebhookAttemptRecord(null, d.event().executionId(), d.deliveryId(), d.url(),
                d.event().newStatus(), attempt, code, error == null ? null
                        : error.substring(0, Math.min(1000, error.length())), clock.instant()));
    }
}
