package io.maple.persistence.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.PersistenceTestApp;
import io.maple.persistence.TestDatabase;
import io.maple.persistence.queue.QueueSlots;
import io.maple.persistence.queue.SlotState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApp.class)
class ExecutionStoreIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "persistence_execution_store");
    }

    @Autowired
    ExecutionStore store;

    @Autowired
    QueueSlots slots;

    private ExecutionRecord newExecution() {
        return ExecutionDrafts.create(store, "root.default", 1);
    }

    /** Walks a fresh row along the shortest allowed path to {@code status}. */
    private long executionIn(ExecutionStatus status) {
        long id = newExecution().id();
        List<ExecutionStatus> path = switch (status) {
            case CREATED -> List.of();
            case ACCEPTED -> List.of(ExecutionStatus.ACCEPTED);
            case STARTING -> List.of(ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING);
            case RUNNING -> List.of(ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING, ExecutionStatus.RUNNING);
            case UNKNOWN -> List.of(ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING, ExecutionStatus.UNKNOWN);
            case START_FAILED -> List.of(ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING,
                    ExecutionStatus.START_FAILED);
            case SUCCEED, FAILED -> List.of(ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING,
                    ExecutionStatus.RUNNING, status);
            case KILLED, CANCELED -> List.of(ExecutionStatus.ACCEPTED, status);
        };
        for (ExecutionStatus step : path) {
            assertThat(store.transition(StatusTransition.to(id, step, "setup", "test")).applied()).isTrue();
        }
        assertThat(store.require(id).status()).isEqualTo(status);
        return id;
    }

    @ParameterizedTest
    @EnumSource(ExecutionStatus.class)
    void everyTransitionIsCheckedAgainstTheStateMachineInTheDatabase(ExecutionStatus from) {
        for (ExecutionStatus to : ExecutionStatus.values()) {
            long id = executionIn(from);
            TransitionOutcome outcome = store.transition(StatusTransition.to(id, to, "probe", "test"));
            boolean allowed = from.canTransitionTo(to);
            assertThat(outcome.applied()).as("%s -> %s", from, to).isEqualTo(allowed);
            assertThat(store.require(id).status()).isEqualTo(allowed ? to : from);
            List<StatusHistoryRecord> history = store.history(id);
            StatusHistoryRecord last = history.get(history.size() - 1);
            if (allowed) {
                assertThat(last.fromStatus()).isEqualTo(from);
                assertThat(last.toStatus()).isEqualTo(to);
                assertThat(last.reason()).isEqualTo("probe");
            } else {
                assertThat(last.toStatus()).isEqualTo(from);
            }
        }
    }

    @Test
    void expectedFromNarrowsThePredecessors() {
        long id = executionIn(ExecutionStatus.RUNNING);
        TransitionOutcome outcome = store.transition(new StatusTransition(id, ExecutionStatus.START_FAILED,
                "late launch error", "test", Set.of(ExecutionStatus.STARTING), null));
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.current()).isEqualTo(ExecutionStatus.RUNNING);
    }

    @Test
    void terminalTransitionStampsEndTimeAndRunningStampsStartTime() {
        long id = executionIn(ExecutionStatus.RUNNING);
        assertThat(store.require(id).startTime()).isNotNull();
        assertThat(store.require(id).endTime()).isNull();
        store.transition(StatusTransition.to(id, ExecutionStatus.SUCCEED, "done", "test"));
        assertThat(store.require(id).endTime()).isNotNull();
        assertThat(store.history(id)).extracting(StatusHistoryRecord::toStatus).containsExactly(
                ExecutionStatus.CREATED, ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING, ExecutionStatus.RUNNING,
                ExecutionStatus.SUCCEED);
    }

    @Test
    void execInfoIsWrittenWithTheTransition() {
        long id = executionIn(ExecutionStatus.STARTING);
        store.transition(new StatusTransition(id, ExecutionStatus.RUNNING, "seen running", "test", null,
                "{\"lastStatus\":\"RUNNING\"}"));
        assertThat(store.extInfo(id).execInfo()).contains("\"lastStatus\"").contains("RUNNING");
    }

    @Test
    void createReturnsTheRowAsStored() {
        ExecutionRecord created = newExecution();
        // create no longer reads the row back: what it returns must be what a read gives
        assertThat(created).isEqualTo(store.require(created.id()));
    }

    @Test
    void execInfoIsRewrittenFromItsStoredValueOnlyWhenTheTransitionWins() {
        long id = executionIn(ExecutionStatus.STARTING);
        store.transition(new StatusTransition(id, ExecutionStatus.RUNNING, "seen running", "test", null, "{\"n\":1}"));
        List<String> seen = new ArrayList<>();

        TransitionOutcome won = store.transition(StatusTransition.to(id, ExecutionStatus.SUCCEED, "done", "test"),
                stored -> {
                    seen.add(stored);
                    return "{\"n\":2}";
                });
        TransitionOutcome lost = store.transition(StatusTransition.to(id, ExecutionStatus.FAILED, "late", "test"),
                stored -> {
                    seen.add(stored);
                    return "{\"n\":3}";
                });

        assertThat(won.applied()).isTrue();
        assertThat(won.from()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(lost.applied()).isFalse();
        assertThat(lost.current()).isEqualTo(ExecutionStatus.SUCCEED);
        assertThat(seen).containsExactly("{\"n\":1}");
        assertThat(store.extInfo(id).execInfo()).isEqualTo("{\"n\":2}");
        assertThat(store.history(id)).extracting(StatusHistoryRecord::fromStatus).containsExactly(null,
                ExecutionStatus.CREATED, ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING, ExecutionStatus.RUNNING);
    }

    @Test
    void concurrentWritersRaceAndExactlyOneWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            long id = executionIn(ExecutionStatus.RUNNING);
            ExecutionStatus[] contenders = {ExecutionStatus.SUCCEED, ExecutionStatus.KILLED, ExecutionStatus.FAILED,
                    ExecutionStatus.CANCELED};
            CyclicBarrier barrier = new CyclicBarrier(contenders.length);
            ExecutorService pool = Executors.newFixedThreadPool(contenders.length);
            try {
                List<Future<TransitionOutcome>> results = new ArrayList<>();
                for (ExecutionStatus to : contenders) {
                    Callable<TransitionOutcome> writer = () -> {
                        barrier.await();
                        return store.transition(StatusTransition.to(id, to, "race", "test"));
                    };
                    results.add(pool.submit(writer));
                }
                List<ExecutionStatus> winners = new ArrayList<>();
                for (int i = 0; i < contenders.length; i++) {
                    if (results.get(i).get().applied()) {
                        winners.add(contenders[i]);
                    }
                }
                assertThat(winners).hasSize(1);
                assertThat(store.require(id).status()).isEqualTo(winners.get(0));
                assertThat(store.history(id)).filteredOn(h -> h.toStatus().isTerminal()).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void duplicateUniqueIdPerAppIsRejectedByTheUniqueKey() {
        ExecutionRecord first = newExecution();
        ExecutionRecord again = new ExecutionRecord(null, first.uniqueId(), "x", null, first.fromApp(), "hadoop",
                "q", EngineCategory.FLINK, "1.20.1", 1, null, "g", "u", null, null, null, null, null, null, null, null,
                null, null);
        assertThatThrownBy(() -> store.create(again, "{}", null, "test")).isInstanceOf(DuplicateKeyException.class);
        assertThat(store.findByAppAndUniqueId(first.fromApp(), first.uniqueId()).id()).isEqualTo(first.id());
    }

    @Test
    void timesKeepTheirMicroseconds() {
        long id = executionIn(ExecutionStatus.RUNNING);
        // several rows were written in this test run; at least one time must carry a fraction of a second
        assertThat(store.history(id)).extracting(StatusHistoryRecord::createTime)
                .anySatisfy(t -> assertThat(t.getNano()).isNotZero());
        assertThat(store.require(id).createTime()).isEqualTo(store.history(id).get(0).createTime());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionStatus.class, names = {"KILLED", "CANCELED"})
    void anExecutionStoppedWhileQueuedLeavesItsQueueWithItsStatusChange(ExecutionStatus stop) {
        String queue = "stop-" + UUID.randomUUID();
        long holder = executionIn(ExecutionStatus.ACCEPTED);
        long waiting = executionIn(ExecutionStatus.ACCEPTED);
        assertThat(slots.acquire(holder, "hadoop", queue, 1, 1).holds()).isTrue();
        assertThat(slots.acquire(waiting, "hadoop", queue, 1, 1).holds()).isFalse();

        assertThat(store.transition(StatusTransition.to(waiting, stop, "stopped in line", "test")).applied()).isTrue();
        assertThat(slots.entryOf(waiting)).isNull();
        // so the holder's release grants nobody
        assertThat(slots.release(holder, "hadoop", queue, 1)).isEmpty();

        // a holder stopped before its launch keeps its row until its workflow releases it
        long granted = executionIn(ExecutionStatus.ACCEPTED);
        assertThat(slots.acquire(granted, "hadoop", queue, 1, 1).holds()).isTrue();
        assertThat(store.transition(StatusTransition.to(granted, stop, "stopped", "test")).applied()).isTrue();
        assertThat(slots.entryOf(granted).state()).isEqualTo(SlotState.HOLDING);
    }
}
