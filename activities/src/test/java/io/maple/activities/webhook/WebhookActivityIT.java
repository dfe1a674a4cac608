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
 * One delivery attempt against a real receiver listening on loopback: the SSRF guard (refused, final,
 * nothing sent, unless the execution's app lists that host in its webhook hosts) and what each answer
 * means (2xx delivered; 408, 429 and 5xx retried; any other 4xx final).
 */
@SpringBootTest(classes = WorkflowTestApp.class)
class WebhookActivityIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "webhook_activity");
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
        listLoopback("listing-app");
        receiver.enqueue(new MockResponse().setResponseCode(204));
        assertThat(activities.deliver(delivery("listing-app", 902))).isEqualTo(204);
        var request = receiver.takeRequest();
        long t = Long.parseLong(request.getHeader(WebhookActivitiesImpl.TIMESTAMP_HEADER));
        assertThat(t).isCloseTo(now.getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(request.getHeader(WebhookActivitiesImpl.SIGNATURE_HEADER)).startsWith("t=" + t + ",sha256=");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "HTTP {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {400, 401, 403, 404, 410, 422})
    void anotherClientErrorIsFinal(int code) {
        String app = listLoopback("final-" + code);
        receiver.enqueue(new MockResponse().setResponseCode(code));

        ApplicationFailure cause = failureOf(() -> activities.deliver(delivery(app, 910 + code)));

        assertThat(cause.isNonRetryable()).as("HTTP %d is final", code).isTrue();
        assertThat(cause.getType()).isEqualTo(ErrorTypes.WEBHOOK_REJECTED.name());
        assertThat(attempts.findByExecutionId(910 + code)).singleElement()
                .satisfies(a -> assertThat(a.httpStatus()).isEqualTo(code));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "HTTP {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {408, 429, 500, 502, 503})
    void aTimeoutATooManyOrAServerErrorIsRetried(int code) {
        String app = listLoopback("retried-" + code);
        receiver.enqueue(new MockResponse().setResponseCode(code));

        ApplicationFailure cause = failureOf(() -> activities.deliver(delivery(app, 1910 + code)));

        assertThat(cause.isNonRetryable()).as("HTTP %d is retried", code).isFalse();
        assertThat(cause.getType()).isEqualTo("WEBHOOK_HTTP");
        assertThat(attempts.findByExecutionId(1910 + code)).singleElement()
                .satisfies(a -> assertThat(a.httpStatus()).isEqualTo(code));
    }

    /** An app whose webhook hosts list loopback, where the receiver listens. */
    private String listLoopback(String app) {
        Instant now = Instant.now();
        applications.insert(new ApplicationRecord(null, app, "v1$x$y", null, "[\"127.0.0.1\"]", false,
                null, now, now), new GeneratedId());
        return app;
    }

    private static ApplicationFailure failureOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ActivityFailure.class);
        return (ApplicationFailure) thrown.getCause();
    }
}
