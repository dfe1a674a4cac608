package io.maple.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Health, readiness, Prometheus and the OpenAPI document are served. */
class OperationsIT extends ApiIntegrationTest {

    @Test
    void healthAndProbesAreUp() {
        HttpApi.Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusIsScraped() {
        HttpApi.Response metrics = http.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void openApiDescribesTheEndpointsAndSwaggerUiIsServed() {
        HttpApi.Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/executions")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/executions/{id}")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/admin/clusters/{name}/engines")).isTrue();
        assertThat(docs.json().at("/paths/~1api~1v1~1executions/get/parameters").findValuesAsText("name"))
                .contains("status", "cluster", "clusterQueue", "fromApp", "group", "user", "engineCategory",
                        "createdFrom", "createdTo", "page", "size");
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
