package io.maple.api.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every refused submission is a problem+json naming the field at fault. */
class SubmissionProblemsIT extends ApiIntegrationTest {

    private HttpApi.Response submit(Consumer<ObjectNode> change) {
        ObjectNode body = submission(newApp(), "bad");
        change.accept(body);
        return http.post("/api/v1/executions", body.toString());
    }

    private static void assertProblem(HttpApi.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(r.json().get("field").asText()).as(r.body()).isEqualTo(field);
            assertThat(r.json().get("detail").asText()).contains(field);
        }
    }

    @Test
    void missingFieldsAreNamed() {
        assertProblem(submit(b -> b.remove("uniqueId")), 400, "uniqueId");
        assertProblem(submit(b -> b.remove("job")), 400, "job");
        assertProblem(submit(b -> b.put("user", " ")), 400, "user");
        assertProblem(submit(b -> b.remove("priority")), 400, "priority");
        assertProblem(submit(b -> ((ObjectNode) b.get("job")).remove("runType")), 400, "job.runType");
        HttpApi.Response many = submit(b -> {
            b.remove("execName");
            b.remove("cluster");
        });
        assertProblem(many, 400, "cluster");
        assertThat(many.json().get("errors")).hasSize(2);
        assertThat(many.json().get("errors").get(1).get("field").asText()).isEqualTo("execName");
    }

    @Test
    void unknownClusterAndUnregisteredEngineAreNamed() {
        HttpApi.Response cluster = submit(b -> b.put("cluster", "nowhere"));
        assertProblem(cluster, 400, "cluster");
        assertThat(cluster.json().get("detail").asText()).contains("nowhere");
        HttpApi.Response version = submit(b -> b.put("engineVersion", "9.9.9"));
        assertProblem(version, 400, "engineVersion");
        assertThat(version.json().get("detail").asText()).contains("spark 9.9.9");
        // flink 1.20.1 exists, but not as spark
        assertProblem(submit(b -> b.put("engineVersion", FLINK_VERSION)), 400, "engineVersion");
    }

    @Test
    void anEngineRefusedAMomentAgoIsAcceptedAsSoonAsItIsRegistered() {
        // the submit-time lookup is reused for a few seconds (LaunchTargets), but only when it found something
        String cluster = "late-" + System.nanoTime() % 1_000_000;
        assertProblem(submit(b -> b.put("cluster", cluster)), 400, "cluster");
        assertThat(http.post("/api/v1/admin/clusters", "{\"name\":\"" + cluster + "\",\"category\":\"YARN\"}")
                .status()).isEqualTo(201);
        assertProblem(submit(b -> b.put("cluster", cluster)), 400, "engineVersion");
        assertThat(http.post("/api/v1/admin/clusters/" + cluster + "/engines", "{\"engineCategory\":\"spark\","
                + "\"engineVersion\":\"" + SPARK_VERSION + "\",\"engineHome\":\"/opt/spark\"}").status())
                .isEqualTo(201);
        HttpApi.Response accepted = submit(b -> b.put("cluster", cluster));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void unknownEnumValuesNameTheirField() {
        HttpApi.Response engine = submit(b -> b.put("engineCategory", "hive"));
        assertProblem(engine, 400, "engineCategory");
        assertThat(engine.json().get("detail").asText()).contains("spark, flink");
        HttpApi.Response runType = submit(b -> ((ObjectNode) b.get("job")).put("runType", "hive_sql"));
        assertProblem(runType, 400, "job.runType");
        assertThat(runType.json().get("detail").asText()).contains("data_calc, sql, scala, py, jar");
        assertProblem(submit(b -> b.putArray("webhooks").addObject().put("url", "http://h/x")
                .putArray("statuses").add("DONE")), 400, "webhooks[0].statuses[0]");
    }

    @Test
    void wrongTypesAndBadValuesAreNamed() {
        assertProblem(submit(b -> b.put("priority", "high")), 400, "priority");
        assertProblem(submit(b -> b.put("priority", 9)), 400, "priority");
        assertProblem(submit(b -> b.put("job", "select 1")), 400, "job");
        assertProblem(submit(b -> ((ObjectNode) b.get("job")).put("conf", 3)), 400, "job.conf");
        assertProblem(submit(b -> b.putArray("webhooks").add("ftp://hooks.example/x")), 400, "webhooks[0].url");
    }

    @Test
    void tooLongValuesAreNamed() {
        assertProblem(submit(b -> b.put("execName", "n".repeat(257))), 400, "execName");
        assertProblem(submit(b -> b.put("uniqueId", "u".repeat(129))), 400, "uniqueId");
        assertProblem(submit(b -> b.put("comment", "c".repeat(1025))), 400, "comment");
        assertProblem(submit(b -> b.put("clusterQueue", "q".repeat(129))), 400, "clusterQueue");
        assertThat(submit(b -> b.put("execName", "n".repeat(256))).status()).isEqualTo(201);
    }

    @Test
    void malformedJsonIsA400NamingWhereItBroke() {
        assertProblem(http.post("/api/v1/executions", "{\"uniqueId\": \"x\", \"execName\": }"), 400, "execName");
        assertProblem(http.post("/api/v1/executions", "{\"job\": {\"conf\": {\"a\": tru}}}"), 400, "job.conf.a");
        assertProblem(http.post("/api/v1/executions", "not json"), 400, "body");
        assertProblem(http.post("/api/v1/executions", ""), 400, "body");
    }

    @Test
    void bodiesOverTheLimitAre413() {
        String big = submission(newApp(), "big").put("comment", "x".repeat(1024 * 1024 + 10)).toString();
        HttpApi.Response declared = http.post("/api/v1/executions", big);
        assertProblem(declared, 413, null);
        assertThat(declared.json().get("detail").asText()).contains("1048576");

        HttpApi.Response chunked = http.postChunked("/api/v1/executions", big.getBytes(StandardCharsets.UTF_8));
        assertProblem(chunked, 413, null);

        // below the limit a large job is still fine
        ObjectNode large = submission(newApp(), "large");
        ((ObjectNode) large.get("job").get("jobConf")).put("sql", "select '" + "y".repeat(60_000) + "'");
        HttpApi.Response accepted = http.post("/api/v1/executions", large.toString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void badListParametersAreNamed() {
        HttpApi.Response engine = http.get("/api/v1/executions?engineCategory=hive");
        assertProblem(engine, 400, "engineCategory");
        assertThat(engine.json().get("detail").asText()).contains("'hive'").contains("spark, flink");
        assertProblem(http.get("/api/v1/executions?status=DONE"), 400, "status");
        assertProblem(http.get("/api/v1/executions?createdFrom=yesterday"), 400, "createdFrom");
        assertProblem(http.get("/api/v1/executions?createdFrom=2026-01-02T00:00:00Z&createdTo=2026-01-01T00:00:00Z"),
                400, "createdTo");
        assertProblem(http.get("/api/v1/executions?page=x"), 400, "page");
        assertProblem(http.get("/api/v1/executions/abc"), 400, "id");
    }
}
