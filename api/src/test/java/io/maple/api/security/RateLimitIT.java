package io.maple.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.persistence.audit.AuditMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The per-app token bucket: app "limited" has 3 requests and 0.2/s (ApiIntegrationTest's properties). */
class RateLimitIT extends ApiIntegrationTest {

    @Autowired
    AuditMapper audit;

    @Test
    void anAppOverItsBucketGets429WithRetryAfterWhileOthersGoOn() {
        HttpApi.Response created = http.post("/api/v1/admin/apps", "{\"name\":\"limited\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        HttpApi limited = http.as("limited", created.json().get("key").asText());

        // a bucket of 3 refilled by one token every 5 s: on a slow machine a token may come back while the
        // first calls run, so count the calls served before the first 429 against what the bucket can give
        long began = System.nanoTime();
        int served = 0;
        HttpApi.Response refused = limited.get("/api/v1/executions");
        while (refused.status() == 200 && served < 50) {
            served++;
            refused = limited.get("/api/v1/executions");
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        assertThat(refused.status()).isEqualTo(429);
        assertThat(served).as("calls served before the first 429 in %.1f s", seconds)
                .isBetween(3, 3 + (int) Math.ceil(seconds * 0.2));
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("rate limit of application 'limited'");
        // one token comes back after 1/0.2 = 5 s at most
        assertThat(Long.parseLong(refused.retryAfter())).isBetween(1L, 5L);
        assertThat(audit.recentByActor("limited", 1).get(0).outcome()).isEqualTo("RATE_LIMITED");

        // the bucket is per app: the admin is not slowed down by it
        assertThat(http.get("/api/v1/executions").status()).isEqualTo(200);
    }
}
