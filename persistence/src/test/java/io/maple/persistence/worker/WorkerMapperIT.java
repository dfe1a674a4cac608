package io.maple.persistence.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.persistence.PersistenceTestApp;
import io.maple.persistence.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApp.class)
class WorkerMapperIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "persistence_worker_mapper");
    }

    @Autowired
    WorkerMapper workers;

    @Test
    void aWorkerUpsertsItsRowAndOnlyRecentOnesAreHeard() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String alive = "1@" + UUID.randomUUID();
        String silent = "2@" + UUID.randomUUID();
        workers.upsert(WorkerRecord.of(silent, "old-host", List.of("maple-executions"), now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(2))));
        workers.upsert(WorkerRecord.of(alive, "host-a", List.of("maple-executions"), now.minusSeconds(60),
                now.minusSeconds(60)));
        // its next beat: one row, the new queues and time
        workers.upsert(WorkerRecord.of(alive, "host-a", List.of("maple-executions", "maple-cluster-local"),
                now.minusSeconds(60), now));

        List<WorkerRecord> heard = workers.heardSince(now.minusSeconds(30)).stream()
                .filter(w -> w.identity().equals(alive) || w.identity().equals(silent)).toList();
        assertThat(heard).singleElement().satisfies(w -> {
            assertThat(w.host()).isEqualTo("host-a");
            assertThat(w.taskQueueList()).containsExactly("maple-executions", "maple-cluster-local");
            assertThat(w.startedTime()).isEqualTo(now.minusSeconds(60));
            assertThat(w.heartbeatTime()).isEqualTo(now);
        });

        assertThat(workers.forgetSilentBefore(now.minus(Duration.ofDays(1)))).isGreaterThanOrEqualTo(1);
        assertThat(workers.heardSince(now.minus(Duration.ofDays(3)))).extracting(WorkerRecord::identity)
                .contains(alive).doesNotContain(silent);
    }
}
