package io.maple.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.domain.EngineCategory;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: measures {@code POST /api/v1/executions} throughput and latency with N concurrent
 * clients against the real MariaDB, beside the bare {@link ExecutionStore#create} rate in the same
 * JVM and database, and prints one table. Excluded from the normal run by the parent pom; run with
 * {@code ./mvnw -o test -pl api -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=SubmissionBenchmark}.
 * {@code -Dmaple.bench.seconds=5 -Dmaple.bench.clients=1,8,32} change the run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.temporal.test-server.enabled=true", "logging.level.io.maple=WARN"})
class SubmissionBenchmark {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "api_bench");
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ExecutionStore store;
    @Autowired
    io.maple.api.execution.SubmissionService submissions;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One measured cell: operations per second and latency percentiles in milliseconds. */
    record Result(String what, int clients, long operations, double perSecond, double p50, double p99) {
    }

    /** One unit of work; returns normally when it succeeded. */
    interface Operation {
        void run(String uniqueId) throws Exception;
    }

    @Test
    void measure() throws Exception {
        int seconds = Integer.getInteger("maple.bench.seconds", 5);
        int[] clients = Arrays.stream(System.getProperty("maple.bench.clients", "1,8,32").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        HttpApi http = new HttpApi(port, json);
        assertThat(http.post("/api/v1/admin/clusters", "{\"name\":\"hadoop\",\"category\":\"YARN\"}").status())
                .isEqualTo(201);
        assertThat(http.post("/api/v1/admin/clusters/hadoop/engines",
                "{\"engineCategory\":\"spark\",\"engineVersion\":\"3.5.5\"}").status()).isEqualTo(201);

        ObjectNode template = json.createObjectNode().put("execName", "bench").put("fromApp", "bench")
                .put("cluster", "hadoop").put("clusterQueue", "root.default").put("engineCategory", "spark")
                .put("engineVersion", "3.5.5").put("priority", 3).put("group", "g").put("user", "u");
        template.putObject("job").put("runType", "sql").put("driverMemory", "1g").putObject("jobConf")
                .put("sql", "select 1");
        String jobJson = json.writeValueAsString(template.get("job"));
        URI submit = URI.create("http://127.0.0.1:" + port + "/api/v1/executions");

        Operation post = uniqueId -> {
            String body = template.deepCopy().put("uniqueId", uniqueId).toString();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(submit)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
        };
        Operation insert = uniqueId -> store.create(new ExecutionRecord(null, uniqueId, "bench", null, "bench-direct",
                "hadoop", "root.default", EngineCategory.SPARK, "3.5.5", 3, null, "g", "u", null, null, null, null,
                null, null, null, null, null, null), jobJson, null, "bench");

        Operation service = uniqueId -> submissions.submit(json.treeToValue(
                template.deepCopy().put("uniqueId", uniqueId).put("fromApp", "bench-service"),
                io.maple.api.execution.SubmitExecutionRequest.class));

        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness");
        Operation ping = uniqueId -> client.send(HttpRequest.newBuilder(health).GET().build(),
                HttpResponse.BodyHandlers.discarding());

        // warm up both paths (JIT, connection pools) before anything is measured
        run("warm-up", 8, 3, post);
        run("warm-up", 8, 2, insert);

        List<Result> results = new ArrayList<>();
        for (int n : clients) {
            results.add(run("GET liveness (floor)", n, seconds, ping));
            results.add(run("POST /executions", n, seconds, post));
            results.add(run("SubmissionService", n, seconds, service));
            results.add(run("ExecutionStore.create", n, seconds, insert));
        }
        StringBuilder table = new StringBuilder("\n")
                .append(String.format(Locale.ROOT, "%-22s %7s %8s %10s %9s %9s%n", "path", "clients", "ops",
                        "ops/s", "p50 ms", "p99 ms"));
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "%-22s %7d %8d %10.1f %9.2f %9.2f%n", r.what(), r.clients(),
                    r.operations(), r.perSecond(), r.p50(), r.p99()));
        }
        table.append(String.format(Locale.ROOT, "(%d s per row, %d CPUs, Hikari pool default 10, load average %s)%n",
                seconds, Runtime.getRuntime().availableProcessors(), loadAverage()));
        System.out.println(table);
    }

    private Result run(String what, int clients, int seconds, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    long[] latencies = new long[1 << 16];
                    int count = 0;
                    while (System.nanoTime() < deadline[0]) {
                        long t0 = System.nanoTime();
                        operation.run("b-" + SEQUENCE.incrementAndGet());
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = System.nanoTime() - t0;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            long began = System.nanoTime();
            deadline[0] = began + seconds * 1_000_000_000L;
            start.countDown();
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(what, clients, all.length, all.length / elapsed, percentile(all, 0.50),
                    percentile(all, 0.99));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The machine is shared: the load average says how much of it this run really had. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
