package io.maple.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.persistence.worker.WorkerMapper;
import io.maple.persistence.worker.WorkerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /admin/workers} on the Java test server, which has no DescribeTaskQueue: the workers
 * come from their heartbeat rows, each under the task queues it says it polls, silent ones left out.
 */
class WorkerListIT extends ApiIntegrationTest {

    @Autowired
    WorkerMapper workers;

    @Test
    void workersAreListedUnderTheQueuesTheyPollFromTheirHeartbeats() {
        Instant now = Instant.now();
        String both = "11@" + UUID.randomUUID();
        String launchesOnly = "12@" + UUID.randomUUID();
        String silent = "13@" + UUID.randomUUID();
        workers.upsert(WorkerRecord.of(both, "host-a", List.of("maple-executions", "maple-cluster-" + CLUSTER),
                now.minusSeconds(300), now));
        workers.upsert(WorkerRecord.of(launchesOnly, "host-b", List.of("maple-cluster-" + CLUSTER),
                now.minusSeconds(300), now.minusSeconds(5)));
        workers.upsert(WorkerRecord.of(silent, "host-c", List.of("maple-executions", "maple-cluster-" + CLUSTER),
                now.minusSeconds(300), now.minusSeconds(120)));

        HttpApi.Response r = http.get("/api/v1/admin/workers");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode executions = queue(r.json(), "maple-executions");
        assertThat(executions.get("cluster").isNull()).isTrue();
        assertThat(executions.get("source").asText()).isEqualTo("heartbeat");
        assertThat(identities(executions)).contains(both).doesNotContain(launchesOnly, silent);
        JsonNode launches = queue(r.json(), "maple-cluster-" + CLUSTER);
        assertThat(launches.get("cluster").asText()).isEqualTo(CLUSTER);
        assertThat(identities(launches)).contains(both, launchesOnly).doesNotContain(silent);
        JsonNode hostB = launches.get("pollers").findParents("identity").stream()
                .filter(p -> p.get("identity").asText().equals(launchesOnly)).findFirst().orElseThrow();
        assertThat(hostB.get("host").asText()).isEqualTo("host-b");
        assertThat(Instant.parse(hostB.get("lastSeen").asText())).isBefore(now.minusSeconds(4));
    }

    private static JsonNode queue(JsonNode list, String taskQueue) {
        for (JsonNode q : list) {
            if (q.get("taskQueue").asText().equals(taskQueue)) {
                return q;
            }
        }
        throw new AssertionError("no task queue " + taskQueue + " in " + list);
    }

    private static List<String> identities(JsonNode queue) {
        List<String> ids = new ArrayList<>();
        queue.get("pollers").forEach(p -> ids.add(p.get("identity").asText()));
        return ids;
    }
}
