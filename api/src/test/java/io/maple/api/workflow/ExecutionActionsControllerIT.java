package io.maple.api.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.api.HttpApi;
import io.maple.domain.report.ReportTokens;
import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusTransition;
import io.maple.workflows.contract.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The action endpoints over real HTTP, MariaDB and the in-process Temporal test server (no workers). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.temporal.test-server.enabled=true",
                "maple.security.bootstrap-admin-key=" + HttpApi.ADMIN_KEY})
class ExecutionActionsControllerIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "api_actions");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ExecutionStore store;
    @Autowired
    WorkflowClient client;
    @Autowired
    ReportTokens reportTokens;

    @BeforeEach
    void authenticateAsAdmin() {
        http.getRestTemplate().getInterceptors().add((request, body, execution) -> {
            if (!request.getURI().getPath().endsWith("/report")) {
                request.getHeaders().set("X-Maple-App", HttpApi.ADMIN_APP);
                request.getHeaders().set("X-Maple-Key", HttpApi.ADMIN_KEY);
            }
            return execution.execute(request, body);
        });
    }

    private ExecutionRecord created() {
        return store.create(new ExecutionRecord(null, UUID.randomUUID().toString(), "job", null, "schedule", "local",
                "default", EngineCategory.SPARK, "3.5.5", 2, null, "g", "u", null, "batch", "spark-sql", null, null,
                null, null, null, null, null), "{\"runType\":\"sql\"}", null, "test");
    }

    @Test
    void killOfAnUnknownExecutionIs404() {
        assertThat(http.postForEntity("/api/v1/executions/999999/kill", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void killAndCancelOfATerminalExecutionAre409() {
        long id = created().id();
        store.transition(StatusTransition.to(id, ExecutionStatus.CANCELED, "gone", "test"));
        ResponseEntity<String> kill = http.postForEntity("/api/v1/executions/" + id + "/kill",
                Map.of("reason", "late"), String.class);
        assertThat(kill.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.postForEntity("/api/v1/executions/" + id + "/cancel", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void rerunCreatesALinkedExecutionAndStartsItsWorkflow() {
        ExecutionRecord original = created();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = http.postForObject("/api/v1/executions/" + original.id() + "/rerun",
                Map.of("uniqueId", "again-" + original.uniqueId()), Map.class);
        long rerunId = ((Number) body.get("id")).longValue();
        ExecutionRecord rerun = store.require(rerunId);
        assertThat(rerun.rerunOf()).isEqualTo(original.id());
        assertThat(rerun.uniqueId()).isEqualTo("again-" + original.uniqueId());
        assertThat(store.extInfo(rerunId).configuration()).contains("sql");
        var described = client.newUntypedWorkflowStub(WorkflowIds.forExecution(rerunId)).describe();
        assertThat(described.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

        // a retried rerun with the same unique id returns the same execution
        @SuppressWarnings("unchecked")
        Map<String, Object> again = http.postForObject("/api/v1/executions/" + original.id() + "/rerun",
                Map.of("uniqueId", "again-" + original.uniqueId()), Map.class);
        assertThat(((Number) again.get("id")).longValue()).isEqualTo(rerunId);
    }

    @Test
    void reportRecordsTheHeartbeat() {
        long id = created().id();
        store.transition(StatusTransition.to(id, ExecutionStatus.CANCELED, "gone", "test"));
        assertThat(report(id, reportTokens.token(id)).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(store.require(id).heartbeatTime()).isNotNull();
    }

    @Test
    void reportNeedsTheTokenOfThatExecution() {
        long id = created().id();
        long other = created().id();
        ResponseEntity<String> none = report(id, null);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(none.getBody()).contains("X-Maple-Report-Token");
        // one job's token does not let it write another execution's status
        assertThat(report(id, reportTokens.token(other)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // nor does a token made with another secret
        assertThat(report(id, new ReportTokens("not-the-secret").token(id)).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(store.require(id).heartbeatTime()).isNull();
    }

    private ResponseEntity<String> report(long id, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.set(ReportTokens.HEADER, token);
        }
        return http.exchange("/api/v1/executions/" + id + "/report", HttpMethod.POST,
                new HttpEntity<>(Map.of("message", "alive"), headers), String.class);
    }
}
