package io.maple.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.maple.api.ApiIntegrationTest;
import io.maple.api.HttpApi;
import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.queue.QueueSlots;
import io.maple.persistence.execution.StatusTransition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /admin/queues}: per cluster queue, how many run and how many wait at each priority. */
class QueueListIT extends ApiIntegrationTest {

    @Autowired
    ExecutionStore store;

    @Autowired
    QueueSlots slots;

    @Test
    void aQueueShowsItsRunningAndItsWaitingPerPriority() {
        String cluster = "q-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now().minusSeconds(1);
        long running = create(cluster, 2, List.of(ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING,
                ExecutionStatus.RUNNING));
        create(cluster, 1, List.of(ExecutionStatus.ACCEPTED));
        create(cluster, 2, List.of(ExecutionStatus.ACCEPTED));
        create(cluster, 2, List.of(ExecutionStatus.ACCEPTED));
        create(cluster, 3, List.of(ExecutionStatus.ACCEPTED, ExecutionStatus.CANCELED));
        create(cluster, 3, List.of());
        // the running one holds a slot in the queue tables, whose last change applied a limit of 4
        assertThat(slots.acquire(running, cluster, "default", 2, 4).holds()).isTrue();

        HttpApi.Response r = http.get("/api/v1/queues");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode queue = null;
        for (JsonNode q : r.json()) {
            if (q.get("cluster").asText().equals(cluster)) {
                queue = q;
            }
        }
        assertThat(queue).as("the queue of %s in %s", cluster, r.body()).isNotNull();
        assertThat(queue.get("clusterQueue").asText()).isEqualTo("default");
        assertThat(queue.get("running").asLong()).isEqualTo(1);
        assertThat(queue.get("waitingByPriority").toString()).isEqualTo("{\"1\":1,\"2\":2}");
        assertThat(Instant.parse(queue.get("oldestWaitSince").asText())).isAfter(before);
        assertThat(queue.get("holding").asLong()).isEqualTo(1);
        assertThat(queue.get("limit").asInt()).isEqualTo(4);
        // operators' older address answers the same
        HttpApi.Response admin = http.get("/api/v1/admin/queues");
        assertThat(admin.json()).isEqualTo(r.json());
        assertThat(store.require(running).status()).isEqualTo(ExecutionStatus.RUNNING);
    }

    @Test
    void aQueueNoChangeReachedSinceTheQueueTablesHasNoLimitWithoutItsAdmissionWorkflow() {
        String cluster = "q-" + UUID.randomUUID().toString().substring(0, 8);
        create(cluster, 1, List.of(ExecutionStatus.ACCEPTED));
        JsonNode queue = null;
        for (JsonNode q : http.get("/api/v1/queues").json()) {
            if (q.get("cluster").asText().equals(cluster)) {
                queue = q;
            }
        }
        assertThat(queue).isNotNull();
        // no gate row and no admission workflow in this context: the limit is not known
        assertThat(queue.get("limit").isNull()).isTrue();
        assertThat(queue.get("holding").asLong()).isZero();
    }

    private long create(String cluster, int priority, List<ExecutionStatus> path) {
        long id = store.create(new ExecutionRecord(null, "q-" + System.nanoTime(), "queue", null, "queue-it", cluster,
                "default", EngineCategory.SPARK, SPARK_VERSION, priority, null, "g", "u", null, null, null, null, null,
                null, null, null, null, null), "{}", null, "test").id();
        for (ExecutionStatus status : path) {
            store.transition(StatusTransition.to(id, status, "test", "test"));
        }
        return id;
    }
}
