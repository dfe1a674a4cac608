package io.maple.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.persistence.TestDatabase;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running API on a random port against a real MariaDB database of its own, shared by every
 * API suite (one Spring context). Suites isolate their rows by a fresh {@code fromApp} per test.
 */
@AutoConfigureObservability(tracing = false) // tests switch metrics export off unless asked; we assert on /actuator/prometheus
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.temporal.test-server.enabled=true",
                "maple.security.bootstrap-admin-key=" + HttpApi.ADMIN_KEY,
                "maple.security.secret=test-server-secret",
                "maple.console.temporal-ui-url=http://temporal-ui.test:8088/",
                "maple.console.examples-jar=/opt/maple/maple-examples.jar",
                // generous for the suites that fire many requests; RateLimitIT's app has its own small bucket
                "maple.security.rate-limit.capacity=100000",
                "maple.security.rate-limit.per-second=100000",
                "maple.security.app-rate-limits.limited.capacity=3",
                "maple.security.app-rate-limits.limited.per-second=0.2",
                // every suite signs in from 127.0.0.1: ConsoleSessionIT's limit is the one per app
                "maple.security.console.sign-in-attempts-per-host=100000",
                // the system tests' crash point, as the api once read it and as fault-points/ reads it now: the
                // shipped api must ignore both (ExecutionSubmissionIT)
                "maple.api.faults.halt-after-insert-prefix=" + ApiIntegrationTest.CRASH_POINT_PREFIX,
                "maple.faults.halt-after-insert-prefix=" + ApiIntegrationTest.CRASH_POINT_PREFIX})
public abstract class ApiIntegrationTest {

    protected static final String CLUSTER = "hadoop";
    protected static final String CRASH_POINT_PREFIX = "halt-after-insert-";
    protected static final String SPARK_VERSION = "3.5.5";
    protected static final String FLINK_VERSION = "1.20.1";

    /** {@code maple.local.work-dir}, where the LOCAL cluster's execution logs are read. */
    protected static final Path LOCAL_WORK_DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "maple-api-it-" + ProcessHandle.current().pid());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "api");
        registry.add("maple.local.work-dir", LOCAL_WORK_DIR::toString);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper json;

    protected HttpApi http;

    @BeforeEach
    void registerDefaultCluster() {
        http = new HttpApi(port, json);
        // idempotent: the first suite registers, the others get 409
        http.post("/api/v1/admin/clusters", "{\"name\":\"" + CLUSTER + "\",\"category\":\"YARN\","
                + "\"config\":{\"hadoopConfDir\":\"/etc/hadoop/conf\"}}");
        http.post("/api/v1/admin/clusters/" + CLUSTER + "/engines",
                "{\"engineCategory\":\"spark\",\"engineVersion\":\"" + SPARK_VERSION + "\",\"engineHome\":\"/opt/spark\"}");
        http.post("/api/v1/admin/clusters/" + CLUSTER + "/engines",
                "{\"engineCategory\":\"flink\",\"engineVersion\":\"" + FLINK_VERSION + "\",\"engineHome\":\"/opt/flink\"}");
        assertThat(http.get("/api/v1/admin/clusters/" + CLUSTER + "/engines").json()).hasSize(2);
    }

    protected static String newApp() {
        return "app-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an app through the admin endpoint; answers its name and its once-shown key. */
    protected String[] createApp(String name, boolean admin, java.util.List<String> legalHosts) {
        var body = json.createObjectNode().put("name", name).put("admin", admin);
        legalHosts.forEach(body.putArray("legalHosts")::add);
        HttpApi.Response r = http.post("/api/v1/admin/apps", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).doesNotContain("v1$"); // never the stored hash
        return new String[] {name, r.json().get("key").asText()};
    }

    /** A valid spark sql submission; tests change one field at a time. */
    protected ObjectNode submission(String fromApp, String uniqueId) {
        ObjectNode body = json.createObjectNode()
                .put("uniqueId", uniqueId)
                .put("execName", "sync_task")
                .put("comment", "nightly sync")
                .put("fromApp", fromApp)
                .put("cluster", CLUSTER)
                .put("clusterQueue", "root.default")
                .put("engineCategory", "spark")
                .put("engineVersion", SPARK_VERSION)
                .put("priority", 1)
                .put("group", "data")
                .put("user", "alice")
                .put("requestType", "schedule")
                .put("execType", "batch");
        body.putArray("webhooks").add("http://hooks.example/maple");
        ObjectNode job = body.putObject("job");
        job.put("driverMemory", "1g").put("runType", "sql");
        job.putObject("conf").put("spark.hadoop.ipc.client.connect.timeout", 2000);
        job.putObject("jobConf").put("sql", "select 1");
        return body;
    }

    protected long submitOk(ObjectNode body) {
        HttpApi.Response r = http.post("/api/v1/executions", body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** A 400 whose first error names {@code field} with {@code message}. */
    protected static void assertField(HttpApi.Response r, String field, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(r.json().get("errors").get(0).get("message").asText()).contains(message);
    }

    protected static JsonNode field(HttpApi.Response r, String name) {
        return r.json().get(name);
    }
}
