package io.maple.activities.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.support.SwitchableTcpProxy;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.activities.webhook.WebhookActivitiesImpl;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import io.maple.persistence.webhook.WebhookAttemptMapper;
import io.maple.persistence.webhook.WebhookAttemptRecord;
import io.maple.workflows.execution.ExecutionOutcome;
import io.maple.workflows.webhook.WebhookNotifier;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webhook receiver's host down for six (skipped) hours: connections are reset, not answered
 * with errors as in {@link WebhookDeliveryIT}. The executions end on time with their real statuses;
 * once the receiver is back every transition arrives, and exactly once (the receiver counts by the
 * {@code Idempotency-Key} Maple sends, the delivery id).
 */
@SpringBootTest(classes = WorkflowTestApp.class,
        properties = "maple.webhooks.allowed-internal-hosts=localhost,127.0.0.1,::1")
class WebhookOutageIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "webhook_outage");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    WebhookAttemptMapper attempts;
    @Autowired
    ExecutionStore store;
    @Autowired
    ObjectMapper json;

    private final MockWebServer receiver = new MockWebServer();

    @AfterEach
    void stop() throws Exception {
        receiver.shutdown();
    }

    @Test
    void receiverDroppingConnectionsForSixHoursGetsEveryTransitionExactlyOnceAfterwards() throws Exception {
        harness.start();
        // the receiver applies each delivery id once, and counts how often it was sent
        Map<String, Integer> receipts = new ConcurrentHashMap<>();
        Map<String, String> applied = new ConcurrentHashMap<>();
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String key = request.getHeader(WebhookActivitiesImpl.IDEMPOTENCY_HEADER);
                if (receipts.merge(key, 1, Integer::sum) == 1) {
                    applied.put(key, body(request).get("newStatus").asText());
                }
                return new MockResponse().setResponseCode(200);
            }
        });
        receiver.start();
        Duration down = Duration.ofHours(6);
        long downUntil = harness.env().currentTimeMillis() + down.toMillis();
        try (SwitchableTcpProxy proxy = SwitchableTcpProxy.to("127.0.0.1", receiver.getPort())) {
            // every connection before the (skipped) clock passes six hours is reset, every one after goes through:
            // decided per connection, as a thread switching the proxy on could see the clock's jump too late and let
            // an attempt of the hourly burst fail while the next one succeeds; the failed one would then wait its
            // hour in wall time (a delivery ending after its execution leaves the test server's time locked,
            // see WebhookDeliveryIT)
            proxy.refuseWhile(() -> harness.env().currentTimeMillis() < downUntil).on();
            String url = "http://127.0.0.1:" + proxy.port() + "/hook";
            long ok = harness.create(WorkflowHarness.CLUSTER, "hooks-down", 1, WorkflowHarness.conf("sleep 1; exit 0"),
                    "[\"" + url + "\"]");
            long failing = harness.create(WorkflowHarness.CLUSTER, "hooks-down", 1,
                    WorkflowHarness.conf("sleep 1; exit 3"), "[\"" + url + "\"]");
            harness.startWorkflow(ok);
            harness.startWorkflow(failing);
            // in wall time first (no time skipping while the jobs run): every delivery starts within seconds,
            // see WebhookDeliveryIT for why deliveries spread over skipped minutes would wait them out
            harness.awaitStatus(ok, ExecutionStatus.SUCCEED, Duration.ofSeconds(60));
            harness.awaitStatus(failing, ExecutionStatus.FAILED, Duration.ofSeconds(60));
            assertThat(WorkflowStub.fromTyped(harness.workflow(ok)).getResult(ExecutionOutcome.class).status())
                    .isEqualTo(ExecutionStatus.SUCCEED);
            assertThat(WorkflowStub.fromTyped(harness.workflow(failing)).getResult(ExecutionOutcome.class).status())
                    .isEqualTo(ExecutionStatus.FAILED);
            assertThat(receipts).as("the receiver is still down").isEmpty();

            Map<String, String> expected = new java.util.HashMap<>();
            for (long id : List.of(ok, failing)) {
                List<StatusHistoryRecord> history = store.history(id);
                // history row 0 is the insert (CREATED); each later row is one transition with one delivery
                for (int transition = 1; transition < history.size(); transition++) {
                    String deliveryId = WebhookNotifier.deliveryId(id, transition, 0);
                    expected.put(deliveryId, history.get(transition).toStatus().name());
                    int code = harness.client().newUntypedWorkflowStub(deliveryId).getResult(Integer.class);
                    assertThat(code).as(deliveryId).isEqualTo(200);
                }
            }
            assertThat(harness.env().currentTimeMillis()).isGreaterThanOrEqualTo(downUntil);

            // nothing lost, nothing twice, and the statuses are what the jobs did
            assertThat(applied).isEqualTo(expected);
            assertThat(receipts.values()).allMatch(n -> n == 1);
            assertThat(store.require(ok).status()).isEqualTo(ExecutionStatus.SUCCEED);
            assertThat(store.require(failing).status()).isEqualTo(ExecutionStatus.FAILED);
            int attemptsTotal = 0;
            int refused = 0;
            for (long id : List.of(ok, failing)) {
                Map<String, List<WebhookAttemptRecord>> byDelivery = attempts.findByExecutionId(id).stream()
                        .collect(java.util.stream.Collectors.groupingBy(WebhookAttemptRecord::deliveryId));
                for (List<WebhookAttemptRecord> rows : byDelivery.values()) {
                    WebhookAttemptRecord last = rows.get(rows.size() - 1);
                    assertThat(last.httpStatus()).isEqualTo(200);
                    assertThat(rows.subList(0, rows.size() - 1)).isNotEmpty().allSatisfy(r -> {
                        assertThat(r.httpStatus()).isNull();
                        // reset before any answer (ConnectException or IOException): no receiver saw it
                        assertThat(r.error()).containsPattern("ConnectException|IOException");
                    });
                    attemptsTotal += rows.size();
                    refused += rows.size() - 1;
                }
            }
            System.out.printf("webhook-outage: executions=2 down=%s deliveries=%d attempts=%d refused=%d "
                            + "delivered=%d duplicates=%d lost=%d%n", down, expected.size(), attemptsTotal, refused,
                    applied.size(), receipts.values().stream().mapToInt(n -> n - 1).sum(),
                    expected.size() - applied.size());
        }
    }

    private JsonNode body(RecordedRequest r) {
        try {
            return json.readTree(r.getBody().clone().readUtf8());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
