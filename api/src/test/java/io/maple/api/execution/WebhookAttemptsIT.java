package io.maple.api.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.persistence.webhook.WebhookAttemptMapper;
import io.maple.persistence.webhook.WebhookAttemptRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /executions/{id}/webhooks}: the calls made to an execution's webhooks, as the worker recorded them. */
class WebhookAttemptsIT extends ApiIntegrationTest {

    @Autowired
    WebhookAttemptMapper attempts;

    @Test
    void theCallsMadeAreListedOldestFirst() {
        long id = submitOk(submission(newApp(), "hooked"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        attempts.insert(new WebhookAttemptRecord(null, id, "d-1", "https://hooks.example.com/a", "RUNNING", 1, null,
                "connect timed out", t));
        attempts.insert(new WebhookAttemptRecord(null, id, "d-1", "https://hooks.example.com/a", "RUNNING", 2, 204,
                null, t.plusSeconds(2)));

        HttpApi.Response r = http.get("/api/v1/executions/" + id + "/webhooks");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode list = r.json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("error").asText()).isEqualTo("connect timed out");
        assertThat(list.get(0).get("httpStatus").isNull()).isTrue();
        assertThat(list.get(1).get("attempt").asInt()).isEqualTo(2);
        assertThat(list.get(1).get("httpStatus").asInt()).isEqualTo(204);
        assertThat(list.get(1).get("newStatus").asText()).isEqualTo("RUNNING");
        assertThat(Instant.parse(list.get(1).get("time").asText())).isEqualTo(t.plusSeconds(2));

        assertThat(http.get("/api/v1/executions/" + submitOk(submission(newApp(), "quiet")) + "/webhooks").json())
                .isEmpty();
        assertThat(http.get("/api/v1/executions/987654321/webhooks").status()).isEqualTo(404);
    }
}
