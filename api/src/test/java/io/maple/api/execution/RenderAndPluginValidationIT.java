package io.maple.api.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.persistence.execution.ExecutionQuery;
import io.maple.persistence.execution.ExecutionStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine plugins judge a submission before it is stored, and `/render` shows their output. */
class RenderAndPluginValidationIT extends ApiIntegrationTest {

    @Autowired
    ExecutionStore store;

    private long rowsOf(String app) {
        return store.count(new ExecutionQuery(List.of(), null, null, app, null, null, null, null, null, null, 0, 10));
    }

    @Test
    void aJobThePluginCannotLaunchIsA400NamingTheFieldAndNothingIsStored() {
        String app = newApp();
        ObjectNode flinkScala = submission(app, "scala-1");
        flinkScala.put("engineCategory", "flink").put("engineVersion", FLINK_VERSION);
        ObjectNode job = json.createObjectNode().put("runType", "scala");
        job.putObject("jobConf").put("mainFile", "hdfs:///jobs/app.scala");
        flinkScala.set("job", job);
        HttpApi.Response refused = http.post("/api/v1/executions", flinkScala.toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("job.runType");

        ObjectNode queueClash = submission(app, "queue-1");
        ((ObjectNode) queueClash.get("job").get("conf")).put("spark.yarn.queue", "root.other");
        HttpApi.Response clash = http.post("/api/v1/executions", queueClash.toString());
        assertThat(clash.status()).as(clash.body()).isEqualTo(400);
        assertThat(clash.json().get("detail").asText()).contains("spark.yarn.queue");

        assertThat(rowsOf(app)).isZero();
    }

    @Test
    void renderReturnsTheYarnScriptWithQuotedValuesAndStoresNothing() {
        String app = newApp();
        ObjectNode body = submission(app, "render-1");
        ((ObjectNode) body.get("job").get("jobConf")).put("sql", "select '$(touch /tmp/pwned)' as x");
        HttpApi.Response r = http.post("/api/v1/executions/render", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("type").asText()).isEqualTo("script");
        String script = r.json().get("script").asText();
        assertThat(script).startsWith("#!/usr/bin/env bash").contains("--master").contains("yarn")
                .contains("root.default").doesNotContain("$(touch /tmp/pwned)");
        assertThat(r.json().get("applicationTag").asText()).isEqualTo("maple-id=0");
        assertThat(rowsOf(app)).isZero();
    }

    @Test
    void renderOfAnUnknownClusterIsA400() {
        ObjectNode body = submission(newApp(), "render-2").put("cluster", "nowhere");
        HttpApi.Response r = http.post("/api/v1/executions/render", body.toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("cluster");
    }

    @Test
    void renderFollowsTheEnginesExtInfoAsItIsUpdated() {
        String cluster = "render-env-" + System.nanoTime();
        assertThat(http.post("/api/v1/admin/clusters", "{\"name\":\"" + cluster + "\",\"category\":\"YARN\"}")
                .status()).isEqualTo(201);
        String engines = "/api/v1/admin/clusters/" + cluster + "/engines";
        assertThat(http.post(engines, "{\"engineCategory\":\"spark\",\"engineVersion\":\"" + SPARK_VERSION
                + "\",\"engineHome\":\"/opt/spark\",\"extInfo\":{\"envs\":{\"MAPLE_PROBE\":\"one\"}}}").status())
                .isEqualTo(201);
        String body = submission(newApp(), "render-env").put("cluster", cluster).toString();
        // the ext info is parsed once and kept by its text: the same answer twice, then the new text's
        for (int i = 0; i < 2; i++) {
            assertThat(http.post("/api/v1/executions/render", body).json().get("script").asText())
                    .contains("MAPLE_PROBE='one'");
        }
        assertThat(http.put(engines + "/spark/" + SPARK_VERSION,
                "{\"engineHome\":\"/opt/spark\",\"extInfo\":{\"envs\":{\"MAPLE_PROBE\":\"two\"}}}").status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/executions/render", body).json().get("script").asText())
                .contains("MAPLE_PROBE='two'").doesNotContain("MAPLE_PROBE='one'");
    }
}
