package io.maple.api.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.domain.ExecutionStatus;
import io.maple.domain.RunType;
import io.maple.persistence.execution.ExecutionQuery;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ExecutionSubmissionIT extends ApiIntegrationTest {

    @Autowired
    ExecutionStore store;

    @Autowired
    ObjectProvider<StoredSubmissionListener> storedListeners;

    @Test
    void noSettingOfTheShippedApiHaltsItBetweenTheInsertAndTheWorkflowStart() {
        // this context sets the crash point's properties, old and new; only a jar the system tests add reads them
        assertThat(storedListeners.stream()).isEmpty();
        String app = newApp();

        HttpApi.Response r = http.post("/api/v1/executions", submission(app, CRASH_POINT_PREFIX + "1").toString());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(store.require(r.json().get("id").asLong()).uniqueId()).isEqualTo(CRASH_POINT_PREFIX + "1");
        assertThat(http.post("/api/v1/executions", submission(app, CRASH_POINT_PREFIX + "2").toString()).status())
                .as("the api still answers").isEqualTo(201);
    }

    @Test
    void submitStoresTheRowItsJobAndTheCreatedHistoryRow(CapturedOutput output) throws Exception {
        String app = newApp();
        ObjectNode body = submission(app, "u-1");
        body.putArray("webhooks").add("http://hooks.example/all")
                .addObject().put("url", "https://hooks.example/ends").putArray("statuses").add("SUCCEED").add("FAILED");

        HttpApi.Response r = http.post("/api/v1/executions", body.toString());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(r.location()).endsWith("/api/v1/executions/" + id);
        assertThat(r.json().get("status").asText()).isEqualTo("CREATED");
        assertThat(r.json().get("duplicated").asBoolean()).isFalse();

        ExecutionRecord row = store.require(id);
        assertThat(row.status()).isEqualTo(ExecutionStatus.CREATED);
        assertThat(row.fromApp()).isEqualTo(app);
        assertThat(row.uniqueId()).isEqualTo("u-1");
        assertThat(row.execName()).isEqualTo("sync_task");
        assertThat(row.execComment()).isEqualTo("nightly sync");
        assertThat(row.cluster()).isEqualTo(CLUSTER);
        assertThat(row.clusterQueue()).isEqualTo("root.default");
        assertThat(row.engineVersion()).isEqualTo(SPARK_VERSION);
        assertThat(row.priority()).isEqualTo(1);
        assertThat(row.execGroup()).isEqualTo("data");
        assertThat(row.execUser()).isEqualTo("alice");
        assertThat(row.requestType()).isEqualTo("schedule");
        assertThat(row.execType()).isEqualTo("batch");
        JsonNode webhooks = json.readTree(row.webhooks());
        assertThat(webhooks.get(0).get("url").asText()).isEqualTo("http://hooks.example/all");
        assertThat(webhooks.get(0).has("statuses")).isFalse();
        assertThat(webhooks.get(1).get("statuses").toString()).isEqualTo("[\"SUCCEED\",\"FAILED\"]");

        JsonNode configuration = json.readTree(store.extInfo(id).configuration());
        assertThat(configuration.get("runType").asText()).isEqualTo(RunType.SQL.wireName());
        assertThat(configuration.get("driverMemory").asText()).isEqualTo("1g");
        assertThat(configuration.get("conf").get("spark.hadoop.ipc.client.connect.timeout").asInt()).isEqualTo(2000);
        assertThat(configuration.get("jobConf").get("sql").asText()).isEqualTo("select 1");

        List<StatusHistoryRecord> history = store.history(id);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).fromStatus()).isNull();
        assertThat(history.get(0).toStatus()).isEqualTo(ExecutionStatus.CREATED);
        assertThat(history.get(0).source()).isEqualTo("api");

        // the log line written after the insert carries the new id through the MDC
        assertThat(output.getAll()).containsPattern("\\[exec=" + id + "\\].*execution stored");
    }

    @Test
    void flinkJarJobIsAccepted() {
        ObjectNode body = submission(newApp(), "flink-1");
        body.put("engineCategory", "flink").put("engineVersion", FLINK_VERSION);
        ObjectNode job = json.createObjectNode().put("runType", "jar");
        job.putObject("jobConf").put("mainFile", "hdfs:///jobs/app.jar").put("mainClass", "a.Main").put("args", "x");
        body.set("job", job);
        long id = submitOk(body);
        assertThat(store.require(id).engineCategory().wireName()).isEqualTo("flink");
    }

    @Test
    void sameAppAndUniqueIdReturnsTheExistingExecution() {
        String app = newApp();
        long id = submitOk(submission(app, "again"));

        ObjectNode changed = submission(app, "again").put("execName", "other name");
        HttpApi.Response r = http.post("/api/v1/executions", changed.toString());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("id").asLong()).isEqualTo(id);
        assertThat(r.json().get("duplicated").asBoolean()).isTrue();
        assertThat(r.location()).endsWith("/api/v1/executions/" + id);
        assertThat(store.require(id).execName()).isEqualTo("sync_task");

        // a retry answers with what exists even when its references no longer resolve
        HttpApi.Response stale = http.post("/api/v1/executions", submission(app, "again").put("cluster", "gone")
                .toString());
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.json().get("id").asLong()).isEqualTo(id);

        // the same unique id from another app is another execution
        assertThat(submitOk(submission(newApp(), "again"))).isNotEqualTo(id);
    }

    @Test
    void twentyConcurrentDuplicatesCreateExactlyOneRow() throws Exception {
        String app = newApp();
        String body = submission(app, "race").toString();
        int clients = 20;
        CyclicBarrier start = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<HttpApi.Response> responses = new ArrayList<>();
        try {
            List<Future<HttpApi.Response>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return http.post("/api/v1/executions", body);
                }));
            }
            for (Future<HttpApi.Response> f : futures) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).extracting(HttpApi.Response::status).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.json().get("duplicated").asBoolean()).hasSize(19);
        assertThat(responses).extracting(r -> r.json().get("id").asLong()).containsOnly(
                responses.get(0).json().get("id").asLong());
        ExecutionQuery byApp = new ExecutionQuery(null, null, null, app, null, null, null, null, null, null, 0, 100);
        assertThat(store.count(byApp)).isEqualTo(1);
    }

    @Test
    void submissionsAreCountedByOutcomeInPrometheus() {
        // other suites in this context submit too: each outcome must move by exactly what this test did
        Map<String, Double> before = submissionCounts();
        String app = newApp();
        submitOk(submission(app, "m-1"));
        http.post("/api/v1/executions", submission(app, "m-1").toString());
        http.post("/api/v1/executions", submission(app, "m-1").toString());
        http.post("/api/v1/executions", submission(app, "m-2").put("cluster", "nowhere").toString());

        Map<String, Double> after = submissionCounts();
        assertThat(after.getOrDefault("created", 0.0) - before.getOrDefault("created", 0.0)).isEqualTo(1.0);
        assertThat(after.getOrDefault("duplicated", 0.0) - before.getOrDefault("duplicated", 0.0)).isEqualTo(2.0);
        assertThat(after.getOrDefault("rejected", 0.0) - before.getOrDefault("rejected", 0.0)).isEqualTo(1.0);
    }

    /** maple_submissions_seconds_count by outcome, from /actuator/prometheus. */
    private Map<String, Double> submissionCounts() {
        Map<String, Double> counts = new java.util.HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("maple_submissions_seconds_count\\{[^}]*outcome=\"(\\w+)\"[^}]*} ([0-9.eE+]+)")
                .matcher(http.get("/actuator/prometheus").body());
        while (m.find()) {
            counts.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
        }
        return counts;
    }
}
