package io.maple.bench.webhook;

import io.maple.bench.BenchSizes;
import io.maple.bench.Workload;
import io.maple.bench.report.Comparison;
import io.maple.bench.report.Section;
import io.maple.bench.report.Table;
import io.maple.bench.stack.MapleStack;
import io.maple.workflows.contract.TaskQueues;
import io.maple.workflows.contract.WebhookDelivery;
import io.maple.workflows.contract.WebhookEvent;
import io.maple.workflows.webhook.WebhookDeliveryWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Webhook deliveries per second through the real delivery workflow and activity (signed POST,
 * attempt row in MySQL, retry policy) to a fast receiver, a slow one, and a fast one while
 * another receiver is down; the fast receiver alone is the limit, measured in the same run.
 */
public final class WebhookWorkload implements Workload {

    private final BenchSizes sizes;
    private final Supplier<MapleStack> stack;

    public WebhookWorkload(BenchSizes sizes, Supplier<MapleStack> stack) {
        this.sizes = sizes;
        this.stack = stack;
    }

    /** Deliveries of one batch: how many answered 2xx and how fast the batch finished. */
    record Batch(int deliveries, int delivered, double seconds) {
        double perSecond() {
            return delivered / seconds;
        }
    }

    @Override
    public Section run() throws Exception {
        MapleStack maple = stack.get();
        WorkflowClient client = maple.client();
        int n = sizes.webhookDeliveries();
        long delay = sizes.slowReceiverDelay().toMillis();
        try (MockWebServer fast = receiver(0); MockWebServer slow = receiver(delay)) {
            String down = "http://127.0.0.1:" + closedPort() + "/hook";
            deliver(client, "warm", url(fast), Math.min(n, 50));
            Batch fastAlone = deliver(client, "fast", url(fast), n);
            Batch slowAlone = deliver(client, "slow", url(slow), n);

            long attempts0 = attemptsTo(maple, down);
            List<String> downIds = start(client, "down", down, n);
            Batch fastBesideDown = deliver(client, "fast-beside-down", url(fast), n);
            double downAttemptsPerSecond = (attemptsTo(maple, down) - attempts0) / fastBesideDown.seconds();
            downIds.forEach(id -> client.newUntypedWorkflowStub(id).terminate("benchmark over"));

            Section section = new Section("6. Webhooks",
                    String.format("%,d deliveries per batch through `WebhookDeliveryWorkflow` + `WebhookActivitiesImpl`"
                            + " (HMAC-signed POST, one attempt row in MySQL each, retried with backoff from 5 s), "
                            + "started as the execution workflow starts them (one child each). Receivers are okhttp "
                            + "MockWebServers: fast (answers at once), slow (%d ms per answer), and one that is down "
                            + "(connection refused). **Limit**: the fast receiver alone, same run.", n, delay));
            section.compare(Comparison.reported("slow receiver (" + delay + " ms)", "deliveries/s",
                    slowAlone.perSecond(), fastAlone.perSecond()));
            section.compare(Comparison.reported("fast receiver while " + n + " deliveries to a down one retry",
                    "deliveries/s", fastBesideDown.perSecond(), fastAlone.perSecond()));
            section.detail(new Table("receiver", "deliveries", "delivered (2xx)", "batch s", "deliveries/s")
                    .row("fast (limit)", fastAlone.deliveries(), fastAlone.delivered(), fastAlone.seconds(),
                            fastAlone.perSecond())
                    .row("slow, " + delay + " ms", slowAlone.deliveries(), slowAlone.delivered(), slowAlone.seconds(),
                            slowAlone.perSecond())
                    .row("fast, beside a down receiver", fastBesideDown.deliveries(), fastBesideDown.delivered(),
                            fastBesideDown.seconds(), fastBesideDown.perSecond())
                    .row("down (attempts/s while the fast batch ran)", n, 0, fastBesideDown.seconds(),
                            downAttemptsPerSecond));
            section.note("A slow receiver holds one activity slot per delivery for its answer time: with the worker's "
                    + "200 activity slots its ideal is 200 / " + (delay / 1000.0) + " s = " + (200_000 / delay)
                    + " deliveries/s, unless the fast limit is lower.");
            section.note("A down receiver costs one refused connection per attempt, then the retry waits (5 s, "
                    + "doubling): its deliveries are terminated after the batch.");
            return section;
        }
    }

    private Batch deliver(WorkflowClient client, String kind, String url, int n) throws Exception {
        long t0 = System.nanoTime();
        List<String> ids = start(client, kind, url, n);
        int delivered = 0;
        for (String id : ids) {
            Integer code = client.newUntypedWorkflowStub(id).getResult(5, TimeUnit.MINUTES, Integer.class);
            if (code != null && code >= 200 && code < 300) {
                delivered++;
            }
        }
        return new Batch(n, delivered, (System.nanoTime() - t0) / 1e9);
    }

    private static List<String> start(WorkflowClient client, String kind, String url, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = "bench-webhook-" + kind + "-" + i;
                WebhookEvent event = new WebhookEvent(i, "u-" + i, "bench", "RUNNING", "SUCCEED",
                        java.time.Instant.now().toString(), "benchmark", null, 1);
                started.add(pool.submit(() -> {
                    WebhookDeliveryWorkflow w = client.newWorkflowStub(WebhookDeliveryWorkflow.class,
                            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.EXECUTIONS).build());
                    WorkflowClient.start(w::deliver, new WebhookDelivery(id, url, event));
                    return id;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : started) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long attemptsTo(MapleStack maple, String url) {
        Long n = maple.jdbc().queryForObject("SELECT COUNT(*) FROM maple_webhook_attempt WHERE url = ?", Long.class,
                url);
        return n == null ? 0 : n;
    }

    private static MockWebServer receiver(long delayMillis) throws Exception {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(200).setHeadersDelay(delayMillis, TimeUnit.MILLISECONDS);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    /** The SSRF guard lets the bench's loopback through only by address (maple.webhooks.allowed-internal-hosts). */
    private static String url(MockWebServer server) {
        return "http://127.0.0.1:" + server.getPort() + "/hook";
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
