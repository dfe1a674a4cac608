package io.maple.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.domain.EngineCategory;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.workflows.contract.WorkflowIds;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /executions/{id}/history} against the in-process Temporal test server: an execution
 * submitted through the api, and one whose workflow id carries a real chain of runs (a small
 * workflow of the test's own that calls an activity and continues as new once).
 */
class ExecutionHistoryIT extends ApiIntegrationTest {

    private static final String QUEUE = "history-it";

    @Autowired
    WorkflowClient client;
    @Autowired
    ExecutionStore store;

    @WorkflowInterface
    public interface Chain {
        @WorkflowMethod
        String run(int runsLeft);
    }

    @ActivityInterface
    public interface Echo {
        String echo(String text);
    }

    public static class ChainImpl implements Chain {
        private final Echo echo = Workflow.newActivityStub(Echo.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String run(int runsLeft) {
            String said = echo.echo("run " + runsLeft);
            if (runsLeft > 0) {
                Workflow.continueAsNew(runsLeft - 1);
            }
            return said;
        }
    }

    @Test
    void aSubmittedExecutionShowsItsStartedWorkflow() {
        long id = submitOk(submission(newApp(), "history-started"));

        JsonNode page = ok(id, "");
        assertThat(page.get("workflowId").asText()).isEqualTo(WorkflowIds.forExecution(id));
        assertThat(page.get("runId").asText()).hasSize(36);
        assertThat(page.get("continuedFromRunId").isNull()).isTrue();
        JsonNode started = page.get("events").get(0);
        assertThat(started.get("eventId").asLong()).isEqualTo(1);
        assertThat(started.get("type").asText()).isEqualTo("WorkflowExecutionStarted");
        assertThat(started.get("name").asText()).isEqualTo("EngineExecutionWorkflow");
        assertThat(started.get("time").asText()).isNotBlank();
        assertThat(page.get("events").get(1).get("type").asText()).isEqualTo("WorkflowTaskScheduled");
    }

    @Test
    void aChainOfRunsIsReadNewestFirstAndPaged() {
        long id = store.create(draft("history-chain"), "{}", null, "test").id();
        WorkerFactory workers = WorkerFactory.newInstance(client);
        workers.newWorker(QUEUE).registerWorkflowImplementationTypes(ChainImpl.class);
        workers.newWorker(QUEUE).registerActivitiesImplementations((Echo) text -> "echo " + text);
        workers.start();
        try {
            Chain chain = client.newWorkflowStub(Chain.class, WorkflowOptions.newBuilder()
                    .setWorkflowId(WorkflowIds.forExecution(id)).setTaskQueue(QUEUE).build());
            assertThat(chain.run(1)).isEqualTo("echo run 0");
        } finally {
            workers.shutdownNow();
        }

        JsonNode newest = ok(id, "");
        List<String> types = types(newest);
        assertThat(types.get(0)).isEqualTo("WorkflowExecutionStarted");
        assertThat(types).last().isEqualTo("WorkflowExecutionCompleted");
        assertThat(names(newest, "ActivityTaskScheduled")).containsExactly("Echo");
        assertThat(names(newest, "ActivityTaskCompleted")).containsExactly("Echo");
        assertThat(newest.get("nextPageToken").isNull()).isTrue();
        String previous = newest.get("continuedFromRunId").asText();
        assertThat(previous).hasSize(36).isNotEqualTo(newest.get("runId").asText());

        JsonNode first = ok(id, "?run=" + previous);
        assertThat(first.get("runId").asText()).isEqualTo(previous);
        assertThat(types(first)).last().isEqualTo("WorkflowExecutionContinuedAsNew");
        assertThat(first.get("events").get(first.get("events").size() - 1).get("detail").asText())
                .contains(newest.get("runId").asText());
        assertThat(first.get("continuedFromRunId").isNull()).as("the chain's first run").isTrue();

        // paged: the same events, two at a time
        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = ok(id, "?size=2" + (token == null ? "" : "&run=" + newest.get("runId").asText()
                    + "&pageToken=" + token));
            assertThat(page.get("events").size()).isLessThanOrEqualTo(2);
            paged.addAll(types(page));
            token = page.get("nextPageToken").isNull() ? null : page.get("nextPageToken").asText();
            pages++;
        } while (token != null && pages < 50);
        assertThat(paged).isEqualTo(types);
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void unknownExecutionsRunsAndBadParametersAreRefused() {
        HttpApi.Response unknown = http.get("/api/v1/executions/987654321/history");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("987654321");

        long bare = store.create(draft("history-none"), "{}", null, "test").id();
        HttpApi.Response none = http.get("/api/v1/executions/" + bare + "/history");
        assertThat(none.status()).as(none.body()).isEqualTo(404);
        assertThat(none.json().get("detail").asText()).contains("Temporal holds no workflow for execution " + bare);

        long id = submitOk(submission(newApp(), "history-bad"));
        String base = "/api/v1/executions/" + id + "/history";
        assertField(http.get(base + "?size=0"), "size", "between 1 and 1000");
        assertField(http.get(base + "?size=1001"), "size", "between 1 and 1000");
        assertField(http.get(base + "?run=latest"), "run", "a UUID");
        String run = ok(id, "").get("runId").asText();
        assertField(http.get(base + "?run=" + run + "&pageToken=***"), "pageToken", "nextPageToken");
        assertField(http.get(base + "?pageToken=AAAAAA"), "run", "required with pageToken");
        HttpApi.Response otherRun = http.get(base + "?run=00000000-0000-0000-0000-000000000000");
        assertThat(otherRun.status()).as(otherRun.body()).isEqualTo(404);
    }

    /** A row with no workflow of Maple's: the test gives its workflow id a history of its own, or none. */
    private static ExecutionRecord draft(String uniqueId) {
        return new ExecutionRecord(null, uniqueId + "-" + System.nanoTime(), "history", null, "history-it", CLUSTER,
                "default", EngineCategory.SPARK, SPARK_VERSION, 3, null, "g", "u", null, null, null, null, null, null,
                null, null, null, null);
    }

    private JsonNode ok(long id, String query) {
        HttpApi.Response r = http.get("/api/v1/executions/" + id + "/history" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private static List<String> names(JsonNode page, String type) {
        List<String> names = new ArrayList<>();
        page.get("events").forEach(e -> {
            if (e.get("type").asText().equals(type)) {
                names.add(e.get("name").asText());
            }
        });
        return names;
    }
}
