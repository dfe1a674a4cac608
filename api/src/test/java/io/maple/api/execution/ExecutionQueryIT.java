package io.maple.api.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusTransition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExecutionQueryIT extends ApiIntegrationTest {

    @Autowired
    ExecutionStore store;

    private List<Long> ids(HttpApi.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return StreamSupport.stream(r.json().get("items").spliterator(), false)
                .map(n -> n.get("id").asLong()).toList();
    }

    private List<Long> list(String query) {
        return ids(http.get("/api/v1/executions?" + query));
    }

    @Test
    void getShowsTheExecutionItsDocumentsAsObjectsAndItsHistory() {
        long id = submitOk(submission(newApp(), "detail"));
        store.transition(StatusTransition.to(id, ExecutionStatus.ACCEPTED, "queued", "test"));
        store.transition(new StatusTransition(id, ExecutionStatus.STARTING, "launching", "test", null,
                "{\"lastStatus\":\"STARTING\",\"startInfo\":{\"statuses\":[]}}"));

        HttpApi.Response r = http.get("/api/v1/executions/" + id);

        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("id").asLong()).isEqualTo(id);
        assertThat(body.get("status").asText()).isEqualTo("STARTING");
        assertThat(body.get("engineCategory").asText()).isEqualTo("spark");
        assertThat(body.get("group").asText()).isEqualTo("data");
        assertThat(body.get("webhooks").isArray()).isTrue();
        assertThat(body.get("configuration").isObject()).isTrue();
        assertThat(body.get("configuration").get("jobConf").get("sql").asText()).isEqualTo("select 1");
        assertThat(body.get("execInfo").isObject()).isTrue();
        assertThat(body.get("execInfo").get("lastStatus").asText()).isEqualTo("STARTING");
        JsonNode history = body.get("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("to").asText()).isEqualTo("CREATED");
        assertThat(history.get(2).get("from").asText()).isEqualTo("ACCEPTED");
        assertThat(history.get(2).get("to").asText()).isEqualTo("STARTING");
        assertThat(history.get(2).get("reason").asText()).isEqualTo("launching");
    }

    @Test
    void unknownIdIs404ProblemJson() {
        HttpApi.Response r = http.get("/api/v1/executions/987654321");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("987654321");
    }

    @Test
    void everyFilterNarrowsTheList() throws Exception {
        String app = newApp();
        http.post("/api/v1/admin/clusters", "{\"name\":\"k8s-a\",\"category\":\"K8S\"}");
        http.post("/api/v1/admin/clusters/k8s-a/engines",
                "{\"engineCategory\":\"flink\",\"engineVersion\":\"1.20.1\",\"engineHome\":\"/opt/flink\"}");

        long base = submitOk(submission(app, "base"));
        long otherQueue = submitOk(submission(app, "queue").put("clusterQueue", "root.etl"));
        long otherGroup = submitOk(submission(app, "group").put("group", "bi"));
        long otherUser = submitOk(submission(app, "user").put("user", "bob"));
        ObjectNode flinkOnK8s = submission(app, "flink").put("cluster", "k8s-a").put("engineCategory", "flink")
                .put("engineVersion", "1.20.1").put("clusterQueue", "etl");
        ObjectNode flinkJob = json.createObjectNode().put("runType", "jar");
        flinkJob.putObject("jobConf").put("mainFile", "local:///opt/flink/usrlib/app.jar").put("mainClass", "a.Main");
        flinkOnK8s.set("job", flinkJob);
        long flink = submitOk(flinkOnK8s);
        // a whole second after everything above, then wait for it: the filter must split the rows
        // whether or not the stored create_time keeps its fractional seconds (see report: it does not)
        Instant between = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Math.max(0, between.toEpochMilli() - System.currentTimeMillis() + 5));
        long running = submitOk(submission(app, "running"));
        store.transition(StatusTransition.to(running, ExecutionStatus.ACCEPTED, "q", "test"));
        store.transition(StatusTransition.to(running, ExecutionStatus.STARTING, "s", "test"));
        store.transition(StatusTransition.to(running, ExecutionStatus.RUNNING, "r", "test"));
        long canceled = submitOk(submission(app, "canceled"));
        store.transition(StatusTransition.to(canceled, ExecutionStatus.CANCELED, "c", "test"));
        long otherApp = submitOk(submission(newApp(), "elsewhere"));

        String a = "fromApp=" + app;
        assertThat(list(a)).containsExactly(canceled, running, flink, otherUser, otherGroup, otherQueue, base)
                .doesNotContain(otherApp);
        assertThat(list(a + "&status=RUNNING")).containsExactly(running);
        assertThat(list(a + "&status=running&status=CANCELED")).containsExactly(canceled, running);
        assertThat(list(a + "&status=RUNNING,CANCELED")).containsExactly(canceled, running);
        assertThat(list(a + "&cluster=k8s-a")).containsExactly(flink);
        assertThat(list(a + "&clusterQueue=root.etl")).containsExactly(otherQueue);
        assertThat(list(a + "&group=bi")).containsExactly(otherGroup);
        assertThat(list(a + "&user=bob")).containsExactly(otherUser);
        assertThat(list(a + "&engineCategory=flink")).containsExactly(flink);
        assertThat(list(a + "&engineCategory=SPARK")).hasSize(6).doesNotContain(flink);
        assertThat(list(a + "&createdFrom=" + between)).containsExactly(canceled, running);
        assertThat(list(a + "&createdTo=" + between)).containsExactly(flink, otherUser, otherGroup, otherQueue, base);
        assertThat(list(a + "&createdFrom=" + between.minusSeconds(3600) + "&createdTo=" + between
                + "&user=bob")).containsExactly(otherUser);
        assertThat(list("fromApp=nobody-at-all")).isEmpty();
        // the console's search: a uniqueId alone, whatever the app
        assertThat(list("uniqueId=elsewhere")).contains(otherApp).doesNotContain(canceled, running);
        assertThat(list(a + "&uniqueId=canceled")).containsExactly(canceled);
        // an offset is accepted in ISO-8601 too
        String plusTwo = between.atOffset(java.time.ZoneOffset.ofHours(2)).toString().replace("+", "%2B");
        assertThat(list(a + "&createdFrom=" + plusTwo)).containsExactly(canceled, running);
    }

    @Test
    void pagesCoverEveryRowOnceInAStableOrder() {
        String app = newApp();
        List<Long> submitted = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            submitted.add(submitOk(submission(app, "p-" + i)));
        }
        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            HttpApi.Response r = http.get("/api/v1/executions?fromApp=" + app + "&size=5&page=" + page);
            assertThat(r.json().get("total").asLong()).isEqualTo(23);
            assertThat(r.json().get("page").asInt()).isEqualTo(page);
            assertThat(r.json().get("size").asInt()).isEqualTo(5);
            List<Long> items = ids(r);
            assertThat(items).hasSize(page < 4 ? 5 : 3);
            seen.addAll(items);
        }
        Set<Long> unique = new HashSet<>(seen);
        assertThat(unique).hasSize(23).containsExactlyInAnyOrderElementsOf(submitted);
        // newest first: ids rise with create time here, so the listing is the reverse of submission order
        List<Long> newestFirst = new ArrayList<>(submitted);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).isEqualTo(newestFirst);
        assertThat(list("fromApp=" + app + "&size=5&page=5")).isEmpty();
    }

    @Test
    void pageSizeIsBoundedByConfiguration() {
        HttpApi.Response tooBig = http.get("/api/v1/executions?size=501");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().get("field").asText()).isEqualTo("size");
        assertThat(http.get("/api/v1/executions?size=500").status()).isEqualTo(200);
        HttpApi.Response negative = http.get("/api/v1/executions?page=-1");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("field").asText()).isEqualTo("page");
    }
}
