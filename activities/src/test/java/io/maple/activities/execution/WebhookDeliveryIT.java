package io.maple.activities.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.config.WebhookProperties;
import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.activities.webhook.ReceiverSignatureCheck;
import io.maple.activities.webhook.WebhookActivitiesImpl;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.webhook.WebhookAttemptMapper;
import io.maple.persistence.webhook.WebhookAttemptRecord;
import io.maple.workflows.execution.ExecutionOutcome;
import io.maple.workflows.webhook.WebhookNotifier;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
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

/** A receiver that fails for hours never slows the status flow; every transition arrives in the end. */
// the receiver runs on this host: internal targets are allowed for it explicitly (SSRF guard)
@SpringBootTest(classes = WorkflowTestApp.class,
        properties = "maple.webhooks.allowed-internal-hosts=localhost,127.0.0.1,::1")
class WebhookDeliveryIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "webhook");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    WebhookAttemptMapper attempts;
    @Autowired
    WebhookProperties webhookProperties;
    @Autowired
    ObjectMapper json;

    private final MockWebServer receiver = new MockWebServer();

    @AfterEach
    void stop() throws Exception {
        receiver.shutdown();
    }

    @Test
    void receiverDownForHoursDoesNotDelayTheExecution() throws Exception {
        harness.start();
        long failUntil = harness.env().currentTimeMillis() + Duration.ofHours(3).toMillis();
        ConcurrentLinkedQueue<RecordedRequest> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<RecordedRequest> all = new ConcurrentLinkedQueue<>();
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                all.add(request);
                if (harness.env().currentTimeMillis() < failUntil) {
                    return new MockResponse().setResponseCode(503);
                }
                accepted.add(request);
                return new MockResponse().setResponseCode(200);
            }
        });
        receiver.start();
        String url = receiver.url("/hook").toString();
        // a second target, stored in the "events" form with a lower-case name, subscribed to the end only
        String ends = receiver.url("/ends").toString();
        long id = harness.create(WorkflowHarness.CLUSTER, "hooks", 1, WorkflowHarness.conf("sleep 1; exit 0"),
                "[\"" + url + "\", {\"url\": \"" + ends + "\", \"events\": [\"succeed\"]}]");

        harness.startWorkflow(id);
        // waited for in wall time, not on the result: time skipping stays off, so a status flow that waited on
        // a delivery could not end here. It also starts every delivery within the execution's few seconds; a
        // delivery child that completes after its parent closed leaves the test server's time-skipping locked
        // (the lock it takes to notify the parent is never released), so deliveries that started minutes apart
        // in skipped time would then wait those minutes out in wall time.
        harness.awaitStatus(id, ExecutionStatus.SUCCEED, Duration.ofSeconds(60));
        ExecutionOutcome outcome = WorkflowStub.fromTyped(harness.workflow(id)).getResult(ExecutionOutcome.class);
        assertThat(outcome.status()).isEqualTo(ExecutionStatus.SUCCEED);
        // the order proves it, not a stopwatch: the execution ended while no delivery had succeeded yet
        assertThat(accepted).as("nothing delivered yet: the receiver is still failing").isEmpty();
        assertThat(all).as("deliveries were attempted (and failed) before the end").isNotEmpty();

        // ACCEPTED, STARTING, RUNNING, SUCCEED: one delivery child each, each ends with a 200; the second
        // target only SUCCEED's
        for (int transition = 1; transition <= 4; transition++) {
            String deliveryId = WebhookNotifier.deliveryId(id, transition, 0);
            int code = harness.client().newUntypedWorkflowStub(deliveryId).getResult(Integer.class);
            assertThat(code).as(deliveryId).isEqualTo(200);
        }
        String endsDelivery = WebhookNotifier.deliveryId(id, 4, 1);
        assertThat(harness.client().newUntypedWorkflowStub(endsDelivery).getResult(Integer.class)).isEqualTo(200);
        assertThat(harness.env().currentTimeMillis()).isGreaterThanOrEqualTo(failUntil);

        // deliveries run in parallel and arrive in any order (ACCEPTED and STARTING share their time): the
        // sequence puts them back in the order of the history
        List<String> statuses = accepted.stream().filter(r -> r.getPath().equals("/hook")).map(this::body)
                .sorted(java.util.Comparator.comparingInt(b -> b.get("sequence").asInt()))
                .map(b -> b.get("newStatus").asText()).toList();
        assertThat(statuses).containsExactly("ACCEPTED", "STARTING", "RUNNING", "SUCCEED");
        for (RecordedRequest r : all) {
            byte[] body = r.getBody().clone().readByteArray();
            // checked as a receiver would, from the README's algorithm (signed on the worker's wall clock, which
            // the workflows' skipped hours do not move)
            assertThat(ReceiverSignatureCheck.refusal(webhookProperties.secret(),
                    r.getHeader(WebhookActivitiesImpl.TIMESTAMP_HEADER), r.getHeader(WebhookActivitiesImpl.SIGNATURE_HEADER),
                    body, java.time.Instant.now())).isNull();
            assertThat(r.getHeader(WebhookActivitiesImpl.IDEMPOTENCY_HEADER)).startsWith("maple-webhook-" + id + "-");
        }
        JsonNode running = accepted.stream().map(this::body).filter(b -> b.get("newStatus").asText().equals("RUNNING"))
                .findFirst().orElseThrow();
        assertThat(running.get("executionId").asLong()).isEqualTo(id);
        assertThat(running.get("oldStatus").asText()).isEqualTo("STARTING");
        assertThat(running.get("fromApp").asText()).isEqualTo("schedule");
        assertThat(running.get("uniqueId").asText()).isNotBlank();
        assertThat(running.get("appId").asText()).isNotBlank();
        assertThat(running.get("time").asText()).endsWith("Z");

        List<WebhookAttemptRecord> recorded = attempts.findByExecutionId(id);
        Map<String, List<WebhookAttemptRecord>> byDelivery = recorded.stream()
                .collect(java.util.stream.Collectors.groupingBy(WebhookAttemptRecord::deliveryId));
        assertThat(byDelivery).hasSize(5).containsKey(endsDelivery);
        assertThat(accepted).filteredOn(r -> r.getPath().equals("/ends")).map(this::body)
                .extracting(b -> b.get("newStatus").asText()).containsExactly("SUCCEED");
        assertThat(all).filteredOn(r -> r.getPath().equals("/ends")).map(this::body)
                .extracting(b -> b.get("newStatus").asText()).containsOnly("SUCCEED");
        byDelivery.forEach((delivery, rows) -> {
            assertThat(rows.size()).as(delivery + " attempts").isGreaterThan(5);
            assertThat(rows.get(rows.size() - 1).httpStatus()).isEqualTo(200);
            assertThat(rows.get(0).httpStatus()).isEqualTo(503);
        });
        System.out.printf("webhook: attempts per delivery %s%n", byDelivery.values().stream().map(List::size).toList());
    }

    private JsonNode body(RecordedRequest r) {
        try {
            return json.readTree(r.getBody().clone().readUtf8());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
