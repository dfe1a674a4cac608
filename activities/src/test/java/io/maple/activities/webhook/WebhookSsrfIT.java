package io.maple.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.maple.activities.support.WorkflowTestApp;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.application.ApplicationMapper;
import io.maple.persistence.application.ApplicationRecord;
import io.maple.persistence.webhook.WebhookAttemptMapper;
import io.maple.workflows.contract.ErrorTypes;
import io.maple.workflows.contract.WebhookActivities;
import io.maple.workflows.contract.WebhookDelivery;
import io.maple.workflows.contract.WebhookEvent;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The delivery-time SSRF guard on a real receiver listening on loopback: refused (final, nothing
 * sent) unless the execution's app lists that host in its webhook hosts.
 */
@SpringBootTest(classes = WorkflowTestApp.class)
class WebhookSsrfIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "webhook_ssrf");
    }

    @Autowired
    WebhookActivitiesImpl impl;
    @Autowired
    ApplicationMapper applications;
    @Autowired
    WebhookAttemptMapper attempts;

    private final MockWebServer receiver = new MockWebServer();
    private TestActivityEnvironment env;
    private WebhookActivities activities;

    @BeforeEach
    void start() throws Exception {
        receiver.start();
        env = TestActivityEnvironment.newInstance();
        env.registerActivitiesImplementations(impl);
        activities = env.newActivityStub(WebhookActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
        receiver.shutdown();
    }

    private WebhookDelivery delivery(String app, long executionId) {
        return new WebhookDelivery("d-" + UUID.randomUUID(), "http://127.0.0.1:" + receiver.getPort() + "/hook",
                new WebhookEvent(executionId, "u", app, "ACCEPTED", "RUNNING", Instant.now().toString(), null, null, 1));
    }

    @Test
    void loopbackIsRefusedForAnAppThatDoesNotListIt() {
        Throwable thrown = catchThrowable(() -> activities.deliver(delivery("unlisted-app", 901)));
        assertThat(thrown).isInstanceOf(ActivityFailure.class);
        ApplicationFailure cause = (ApplicationFailure) thrown.getCause();
        assertThat(cause.getType()).isEqualTo(ErrorTypes.WEBHOOK_REJECTED.name());
        assertThat(cause.getOriginalMessage()).contains("loopback");
        assertThat(receiver.getRequestCount()).isZero();
        assertThat(attempts.findByExecutionId(901)).singleElement()
                .satisfies(a -> assertThat(a.error()).startsWith("refused:"));
    }

    @Test
    void loopbackIsDeliveredForAnAppThatListsIt() throws Exception {
        Instant now = Instant.now();
        applications.insert(new ApplicationRecord(null, "listing-app", "v1$x$y", null, "[\"127.0.0.1\"]", false,
                null, now, now), new GeneratedId());
        receiver.enqueue(new MockResponse().setResponseCode(204));
        assertThat(activities.deliver(delivery("listing-app", 902))).isEqualTo(204);
        var request = receiver.takeRequest();
        long t = Long.parseLong(request.getHeader(WebhookActivitiesImpl.TIMESTAMP_HEADER));
        assertThat(t).isCloseTo(now.getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(request.getHeader(WebhookActivitiesImpl.SIGNATURE_HEADER)).startsWith("t=" + t + ",sha256=");
    }
}
