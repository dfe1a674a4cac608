package io.maple.api.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusTransition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /executions/{id}/log} and its download over the files of a LOCAL execution, as its process left
 * them.
 */
class ExecutionLogIT extends ApiIntegrationTest {

    private static final String LOCAL = "local-logs";

    @Autowired
    ExecutionStore store;

    @BeforeEach
    void registerLocalCluster() {
        http.post("/api/v1/admin/clusters", "{\"name\":\"" + LOCAL + "\",\"category\":\"LOCAL\",\"config\":{}}");
        http.post("/api/v1/admin/clusters/" + LOCAL + "/engines",
                "{\"engineCategory\":\"spark\",\"engineVersion\":\"" + SPARK_VERSION + "\",\"engineHome\":\"/opt/spark\"}");
    }

    @Test
    void pagesTheProcessOutputFromTheStartAndFromTheEnd() throws IOException {
        long id = launched("pages");
        List<String> lines = IntStream.range(0, 250).mapToObj(i -> "out " + i).toList();
        Files.write(dir(id).resolve("stdout.log"), lines);

        JsonNode first = ok("/log?from=0&size=100");
        assertThat(first.get("id").asLong()).isEqualTo(id);
        assertThat(first.get("stream").asText()).isEqualTo("stdout");
        assertThat(first.get("source").asText()).isEqualTo("local");
        assertThat(first.get("from").asLong()).isZero();
        assertThat(first.get("total").asLong()).isEqualTo(250);
        assertThat(texts(first)).isEqualTo(lines.subList(0, 100));
        assertThat(first.get("complete").asBoolean()).as("the execution has not ended").isFalse();

        // the defaults: stdout from line 0, 100 lines
        assertThat(texts(ok(""))).isEqualTo(lines.subList(0, 100));
        assertThat(texts(ok("/log?from=200&size=100"))).isEqualTo(lines.subList(200, 250));

        JsonNode tail = ok("/log?from=-10");
        assertThat(tail.get("from").asLong()).isEqualTo(240);
        assertThat(texts(tail)).isEqualTo(lines.subList(240, 250));

        JsonNode past = ok("/log?from=300&size=10");
        assertThat(past.get("lines")).isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(250);
    }

    @Test
    void launchIsTheLaunchCommandsOwnOutputAndCompleteOnceTheExecutionEnded() throws IOException {
        long id = launched("launch");
        Files.writeString(dir(id).resolve("stdout.log"), "the result\n");
        Files.writeString(dir(id).resolve("stderr.log"), "INFO SparkContext: Running Spark version 3.5.5\n"
                + "Exception in thread \"main\" java.lang.ClassNotFoundException: Missing\n");
        store.transition(StatusTransition.to(id, ExecutionStatus.ACCEPTED, "queued", "test"));
        store.transition(StatusTransition.to(id, ExecutionStatus.STARTING, "launching", "test"));
        store.transition(StatusTransition.to(id, ExecutionStatus.START_FAILED, "exit code 1", "test"));

        JsonNode launch = get(id, "/log?stream=launch&from=-1").json();
        assertThat(texts(launch)).containsExactly("Exception in thread \"main\" java.lang.ClassNotFoundException: Missing");
        assertThat(launch.get("stream").asText()).isEqualTo("launch");
        assertThat(launch.get("complete").asBoolean()).isTrue();
        assertThat(texts(get(id, "/log?stream=stderr").json())).hasSize(2);
        assertThat(texts(get(id, "/log?stream=stdout").json())).containsExactly("the result");
    }

    @Test
    void aLaunchedProcessThatWroteNothingYetHasAnEmptyLog() throws IOException {
        long id = launched("quiet");

        JsonNode page = get(id, "/log").json();
        assertThat(page.get("lines")).isEmpty();
        assertThat(page.get("total").asLong()).isZero();
    }

    @Test
    void anExecutionNotLaunchedYetHasNoLog() {
        long id = submitOk(submission(newApp(), "not-launched").put("cluster", LOCAL));

        HttpApi.Response r = get(id, "/log");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("has not been launched");
    }

    @Test
    void badPagingOrStreamIs400NamingTheField() throws IOException {
        long id = launched("bad-input");
        assertField(get(id, "/log?size=0"), "size", "between 1 and 10000");
        assertField(get(id, "/log?size=10001"), "size", "between 1 and 10000");
        assertField(get(id, "/log?stream=driver"), "stream", "stdout, stderr, launch");
        assertField(get(id, "/log?from=ten"), "from", "invalid value 'ten'");
        assertThat(get(id, "/log?size=10000").status()).isEqualTo(200);
    }

    @Test
    void aDownloadStreamsTheWholeLogAsAFile() throws IOException {
        long id = launched("download");
        Path stdout = dir(id).resolve("stdout.log");
        // a million lines, about 15 MB: streamed as read, never paged into memory by the api
        try (var out = new java.io.BufferedWriter(Files.newBufferedWriter(stdout))) {
            for (int i = 0; i < 1_000_000; i++) {
                out.write("line " + i + " of a long log\n");
            }
        }

        HttpApi.Response r = get(id, "/log/download");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(r.header("Content-Disposition")).containsExactly(
                "attachment; filename=\"maple-" + id + "-stdout.log\"");
        assertThat(r.header("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(r.header("X-Maple-Log-Source")).containsExactly("local");
        assertThat(r.body()).isEqualTo(Files.readString(stdout));
        assertThat(r.body().lines().count()).isEqualTo(1_000_000);

        Files.writeString(dir(id).resolve("stderr.log"), "INFO spark-submit says\n");
        HttpApi.Response launch = get(id, "/log/download?stream=launch");
        assertThat(launch.body()).isEqualTo("INFO spark-submit says\n");
        assertThat(launch.header("Content-Disposition").get(0)).contains("maple-" + id + "-launch.log");
    }

    @Test
    void aDownloadIsRefusedAsThePagesAre() throws IOException {
        long notLaunched = submitOk(submission(newApp(), "download-early").put("cluster", LOCAL));
        HttpApi.Response early = get(notLaunched, "/log/download");
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.json().get("detail").asText()).contains("has not been launched");

        long id = launched("download-refused");
        assertField(get(id, "/log/download?stream=driver"), "stream", "stdout, stderr, launch");

        // another (non-admin) app may not read it, as it may not read the execution
        String[] other = createApp(newApp(), false, List.of());
        HttpApi.Response foreign = http.as(other[0], other[1]).get("/api/v1/executions/" + id + "/log/download");
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain("line");
    }

    @Test
    void anUnknownExecutionIs404() {
        HttpApi.Response r = http.get("/api/v1/executions/987654321/log");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asText()).contains("987654321");
    }

    private long current;

    private long launched(String uniqueId) throws IOException {
        current = submitOk(submission(newApp(), uniqueId).put("cluster", LOCAL));
        Files.createDirectories(dir(current));
        Files.createFile(dir(current).resolve("launch.claim"));
        return current;
    }

    private static Path dir(long id) {
        return LOCAL_WORK_DIR.resolve(String.valueOf(id));
    }

    private JsonNode ok(String path) {
        HttpApi.Response r = get(current, path.isEmpty() ? "/log" : path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private HttpApi.Response get(long id, String path) {
        return http.get("/api/v1/executions/" + id + path);
    }

    private static List<String> texts(JsonNode page) {
        List<String> lines = new ArrayList<>();
        page.get("lines").forEach(line -> lines.add(line.asText()));
        return lines;
    }
}
