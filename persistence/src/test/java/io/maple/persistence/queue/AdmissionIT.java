package io.maple.persistence.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.domain.ExecutionStatus;
import io.maple.persistence.PersistenceTestApp;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.execution.ExecutionDrafts;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import io.maple.persistence.execution.StatusTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApp.class)
class AdmissionIT {

    private static final String CLUSTER = "hadoop";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "persistence_admission");
    }

    @Autowired
    Admission admission;

    @Autowired
    Departure departure;

    @Autowired
    ExecutionStore store;

    @Autowired
    QueueSlots slots;

    @Autowired
    QueueEntryMapper entries;

    /** exec_info (a JSON column) lists each status written, so a test sees which writes it was asked for. */
    private static final Function<StatusTransition, UnaryOperator<String>> EXEC_INFO = t -> stored ->
            (stored == null || !stored.startsWith("[") ? "[" : stored.substring(0, stored.length() - 1) + ",")
                    + "\"" + t.to().name() + "\"]";

    private static AdmissionRequest request(long id, String queue, int limit) {
        return new AdmissionRequest(id, CLUSTER, queue, 1, limit, "queued in " + queue, "slot granted in " + queue,
                "test");
    }

    private long created(String queue) {
        return ExecutionDrafts.create(store, queue, 1).id();
    }

    /** The one holder of a queue of limit 1, RUNNING. */
    private long runningHolder(String queue) {
        long holder = created(queue);
        assertThat(admission.admit(request(holder, queue, 1), EXEC_INFO).holds()).isTrue();
        assertThat(store.transition(StatusTransition.to(holder, ExecutionStatus.RUNNING, "running", "test"))
                .applied()).isTrue();
        return holder;
    }

    /** The next in line of a queue of limit 1 that has its holder. */
    private long waiter(String queue) {
        long waiter = created(queue);
        assertThat(admission.admit(request(waiter, queue, 1), EXEC_INFO).holds()).isFalse();
        return waiter;
    }

    private List<ExecutionStatus> path(long id) {
        return store.history(id).stream().map(StatusHistoryRecord::toStatus).toList();
    }

    @Test
    void withAFreeSlotAnExecutionGoesFromCreatedToStartingInOneCall() {
        String queue = "adm-" + UUID.randomUUID();
        long id = created(queue);

        AdmissionOutcome outcome = admission.admit(request(id, queue, 2), EXEC_INFO);

        assertThat(outcome).isEqualTo(new AdmissionOutcome(ExecutionStatus.STARTING, true, List.of()));
        assertThat(path(id)).containsExactly(ExecutionStatus.CREATED, ExecutionStatus.ACCEPTED,
                ExecutionStatus.STARTING);
        assertThat(store.history(id)).extracting(StatusHistoryRecord::reason)
                .containsExactly("submitted", "queued in " + queue, "slot granted in " + queue);
        assertThat(store.extInfo(id).execInfo()).isEqualTo("[\"ACCEPTED\",\"STARTING\"]");
        assertThat(slots.entryOf(id).state()).isEqualTo(SlotState.HOLDING);

        // a retried local activity whose first attempt committed: the same answer, nothing written twice
        assertThat(admission.admit(request(id, queue, 2), EXEC_INFO))
                .isEqualTo(new AdmissionOutcome(ExecutionStatus.STARTING, true, List.of()));
        assertThat(path(id)).hasSize(3);
    }

    @Test
    void onAFullQueueItWaitsAcceptedUntilAReleaseGrantsIt() {
        String queue = "adm-" + UUID.randomUUID();
        long holder = created(queue);
        long waiter = created(queue);
        assertThat(admission.admit(request(holder, queue, 1), EXEC_INFO).status()).isEqualTo(ExecutionStatus.STARTING);

        AdmissionOutcome waiting = admission.admit(request(waiter, queue, 1), EXEC_INFO);
        assertThat(waiting).isEqualTo(new AdmissionOutcome(ExecutionStatus.ACCEPTED, false, List.of()));
        assertThat(admission.admit(request(waiter, queue, 1), EXEC_INFO)).isEqualTo(waiting);
        assertThat(path(waiter)).containsExactly(ExecutionStatus.CREATED, ExecutionStatus.ACCEPTED);
        assertThat(store.extInfo(waiter).execInfo()).isEqualTo("[\"ACCEPTED\"]");
        assertThat(slots.position(waiter)).isEqualTo(1);

        assertThat(slots.release(holder, CLUSTER, queue, 1)).containsExactly(waiter);
        // granted by the release: its workflow writes STARTING when told, and a late retry sees the grant
        assertThat(admission.admit(request(waiter, queue, 1), EXEC_INFO))
                .isEqualTo(new AdmissionOutcome(ExecutionStatus.STARTING, true, List.of()));
    }

    @Test
    void aRowStoppedBeforeItsAdmissionIsNeitherQueuedNorStarted() {
        String queue = "adm-" + UUID.randomUUID();
        long id = created(queue);
        assertThat(store.transition(StatusTransition.to(id, ExecutionStatus.KILLED, "killed", "test")).applied())
                .isTrue();

        assertThat(admission.admit(request(id, queue, 5), EXEC_INFO))
                .isEqualTo(new AdmissionOutcome(ExecutionStatus.KILLED, false, List.of()));
        assertThat(slots.entryOf(id)).isNull();
        assertThat(path(id)).containsExactly(ExecutionStatus.CREATED, ExecutionStatus.KILLED);
    }

    @Test
    void anEndingStatusGivesTheSlotToTheNextWaiterInItsOwnTransaction() {
        String queue = "adm-" + UUID.randomUUID();
        long holder = runningHolder(queue);
        long waiter = waiter(queue);

        StatusTransition succeed = StatusTransition.to(holder, ExecutionStatus.SUCCEED, "done", "test");
        DepartureOutcome ended = departure.depart(succeed, EXEC_INFO.apply(succeed), CLUSTER, queue, 1);
        assertThat(ended.transition().applied()).isTrue();
        assertThat(ended.left()).isTrue();
        assertThat(ended.granted()).containsExactly(waiter);
        assertThat(slots.entryOf(holder)).isNull();
        assertThat(path(holder)).endsWith(ExecutionStatus.SUCCEED);
        assertThat(store.extInfo(holder).execInfo()).endsWith("\"SUCCEED\"]");

        // a retry after the commit: the row has ended, nothing is left to give back, nobody granted twice
        DepartureOutcome again = departure.depart(succeed, EXEC_INFO.apply(succeed), CLUSTER, queue, 1);
        assertThat(again.transition().applied()).isFalse();
        assertThat(again.left()).isTrue();
        assertThat(again.granted()).isEmpty();
        assertThat(path(holder)).filteredOn(ExecutionStatus.SUCCEED::equals).hasSize(1);
    }

    @Test
    void aRefusedEndKeepsTheSlot() {
        String queue = "adm-" + UUID.randomUUID();
        long holder = runningHolder(queue);
        long waiter = waiter(queue);

        // START_FAILED only from STARTING: the row is RUNNING, so the execution goes on holding its slot
        StatusTransition startFailed = new StatusTransition(holder, ExecutionStatus.START_FAILED, "late", "test",
                java.util.Set.of(ExecutionStatus.STARTING), null);
        DepartureOutcome refused = departure.depart(startFailed, null, CLUSTER, queue, 1);
        assertThat(refused.transition().applied()).isFalse();
        assertThat(refused.transition().current()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(refused.left()).isFalse();
        assertThat(slots.entryOf(holder).state()).isEqualTo(SlotState.HOLDING);
        assertThat(slots.position(waiter)).isEqualTo(1);
    }

    @Test
    void admissionsRacingWithReleasesNeverExceedTheLimitNorDeadlock() throws Exception {
        String queue = "adm-" + UUID.randomUUID();
        int limit = 3;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(created(queue));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AdmissionOutcome>> outcomes = new ArrayList<>();
        try {
            for (long id : ids) {
                outcomes.add(pool.submit(() -> {
                    AdmissionOutcome o = admission.admit(request(id, queue, limit), EXEC_INFO);
                    // every other holder ends at once, racing the admissions: both lock a row, then the gate
                    if (o.holds() && id % 2 == 0) {
                        departure.depart(StatusTransition.to(id, ExecutionStatus.KILLED, "killed", "test"), null,
                                CLUSTER, queue, limit);
                    }
                    return o;
                }));
            }
            long startedAtOnce = 0;
            for (Future<AdmissionOutcome> f : outcomes) {
                AdmissionOutcome o = f.get();
                assertThat(o.status()).isIn(ExecutionStatus.STARTING, ExecutionStatus.ACCEPTED);
                assertThat(o.holds()).isEqualTo(o.status() == ExecutionStatus.STARTING);
                startedAtOnce += o.holds() ? 1 : 0;
            }
            assertThat(startedAtOnce).isGreaterThanOrEqualTo(limit);
        } finally {
            pool.shutdownNow();
        }
        assertThat(slots.line(CLUSTER, queue, 100).size() + startedOrGranted(ids)).isEqualTo(ids.size());
        assertThat(entries.countHolding(CLUSTER, queue)).isLessThanOrEqualTo(limit);
    }

    private long startedOrGranted(List<Long> ids) {
        return ids.stream().filter(id -> store.require(id).status() != ExecutionStatus.ACCEPTED
                || slots.entryOf(id) != null && slots.entryOf(id).state() == SlotState.HOLDING).count();
    }
}
