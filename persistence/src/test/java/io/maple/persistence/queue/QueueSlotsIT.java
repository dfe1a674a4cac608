package io.maple.persistence.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.persistence.PersistenceTestApp;
import io.maple.persistence.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(classes = PersistenceTestApp.class)
class QueueSlotsIT {

    private static final String CLUSTER = "hadoop";
    /** Entry rows are keyed by execution id only: each test takes ids of its own. */
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1_000);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "persistence_queue_slots");
    }

    @Autowired
    QueueSlots slots;

    @Autowired
    QueueEntryMapper entries;

    @Autowired
    PlatformTransactionManager transactions;

    private static String newQueue() {
        return "q-" + UUID.randomUUID();
    }

    @Test
    void waitersAreGrantedByPriorityThenSubmissionOrderWhateverOrderTheyArrive() {
        String queue = newQueue();
        long holder = IDS.incrementAndGet();
        long first = IDS.incrementAndGet();
        long second = IDS.incrementAndGet();
        long urgent = IDS.incrementAndGet();
        assertThat(slots.acquire(holder, CLUSTER, queue, 3, 1)).isEqualTo(new SlotChange(true, List.of()));
        // they arrive urgent, second, first: submitted first, second, urgent
        assertThat(slots.acquire(urgent, CLUSTER, queue, 1, 1).holds()).isFalse();
        assertThat(slots.acquire(second, CLUSTER, queue, 2, 1).holds()).isFalse();
        assertThat(slots.acquire(first, CLUSTER, queue, 2, 1).holds()).isFalse();

        assertThat(slots.line(CLUSTER, queue, 10)).containsExactly(urgent, first, second);
        assertThat(slots.position(holder)).isZero();
        assertThat(slots.position(second)).isEqualTo(3);
        assertThat(slots.position(IDS.incrementAndGet())).isEqualTo(-1);
        assertThat(slots.gates()).contains(new QueueGateRecord(CLUSTER, queue, 1));
        assertThat(slots.release(holder, CLUSTER, queue, 1)).containsExactly(urgent);
        assertThat(slots.release(urgent, CLUSTER, queue, 1)).containsExactly(first);
        assertThat(slots.release(first, CLUSTER, queue, 1)).containsExactly(second);
        assertThat(slots.entryOf(second).state()).isEqualTo(SlotState.HOLDING);
        assertThat(slots.release(second, CLUSTER, queue, 1)).isEmpty();
        assertThat(entries.countHolding(CLUSTER, queue)).isZero();
    }

    @Test
    void aWaiterThatWaitedForTheGateIsInLineOnlyFromWhenItGotThrough() throws Exception {
        String queue = newQueue();
        long holder = IDS.incrementAndGet();
        long waiter = IDS.incrementAndGet();
        long late = IDS.incrementAndGet();
        assertThat(slots.acquire(holder, CLUSTER, queue, 1, 1).holds()).isTrue();
        assertThat(slots.acquire(waiter, CLUSTER, queue, 1, 1).holds()).isFalse();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<SlotChange> lateArrival = transaction.execute(tx -> {
                // the holder's release holds the gate while the late one asks for a place
                entries.lockGate(CLUSTER, queue);
                Future<SlotChange> asked = pool.submit(() -> slots.acquire(late, CLUSTER, queue, 1, 1));
                sleep(300);
                assertThat(asked).isNotDone();
                assertThat(slots.release(holder, CLUSTER, queue, 1)).containsExactly(waiter);
                return asked;
            });
            assertThat(lateArrival.get(10, TimeUnit.SECONDS).holds()).isFalse();
        } finally {
            pool.shutdownNow();
        }
        // the grant could not see the late one: its place in line dates from after it
        assertThat(slots.entryOf(late).enterTime()).isAfterOrEqualTo(slots.entryOf(waiter).grantTime());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRepeatedAcquireOrReleaseChangesNothing() {
        String queue = newQueue();
        long a = IDS.incrementAndGet();
        long b = IDS.incrementAndGet();
        assertThat(slots.acquire(a, CLUSTER, queue, 1, 1).holds()).isTrue();
        assertThat(slots.acquire(a, CLUSTER, queue, 1, 1).holds()).isTrue();
        assertThat(slots.acquire(b, CLUSTER, queue, 1, 1).holds()).isFalse();
        assertThat(slots.acquire(b, CLUSTER, queue, 1, 1).holds()).isFalse();
        assertThat(slots.release(a, CLUSTER, queue, 1)).containsExactly(b);
        assertThat(slots.release(a, CLUSTER, queue, 1)).isEmpty();
        // a retried acquire of a granted waiter says it holds
        assertThat(slots.acquire(b, CLUSTER, queue, 1, 1)).isEqualTo(new SlotChange(true, List.of()));
        assertThat(entries.countHolding(CLUSTER, queue)).isEqualTo(1);
    }

    @Test
    void aRaisedLimitGrantsWaitersAheadOfTheNewcomer() {
        String queue = newQueue();
        long a = IDS.incrementAndGet();
        long b = IDS.incrementAndGet();
        long c = IDS.incrementAndGet();
        slots.acquire(a, CLUSTER, queue, 1, 1);
        slots.acquire(b, CLUSTER, queue, 1, 1);
        // the limit went from 1 to 2 and c arrives with a better priority: it takes the free slot, b is told later
        assertThat(slots.acquire(c, CLUSTER, queue, 0, 2)).isEqualTo(new SlotChange(true, List.of()));
        assertThat(slots.release(a, CLUSTER, queue, 2)).containsExactly(b);
        assertThat(slots.gates()).contains(new QueueGateRecord(CLUSTER, queue, 2));
        // a limit lowered under the holders grants nobody until enough leave
        long d = IDS.incrementAndGet();
        assertThat(slots.acquire(d, CLUSTER, queue, 0, 1).holds()).isFalse();
        assertThat(slots.gates()).contains(new QueueGateRecord(CLUSTER, queue, 1));
        assertThat(slots.release(b, CLUSTER, queue, 1)).isEmpty();
        assertThat(slots.release(c, CLUSTER, queue, 1)).containsExactly(d);
    }

    @Test
    void aTopUpGrantsWhatARaisedLimitFreesToQueuesWithWaiters() {
        String queue = newQueue();
        long a = IDS.incrementAndGet();
        long b = IDS.incrementAndGet();
        slots.acquire(a, CLUSTER, queue, 1, 1);
        slots.acquire(b, CLUSTER, queue, 1, 1);
        assertThat(slots.gatesWithWaiters()).extracting(QueueGateRecord::clusterQueue).contains(queue);
        assertThat(slots.topUp(CLUSTER, queue, 1)).isEmpty();
        assertThat(slots.topUp(CLUSTER, queue, 2)).containsExactly(b);
        assertThat(slots.gatesWithWaiters()).extracting(QueueGateRecord::clusterQueue).doesNotContain(queue);
        assertThat(slots.gates()).contains(new QueueGateRecord(CLUSTER, queue, 2));
    }

    @Test
    void anAdoptedExecutionHoldsOverTheLimitAndAWithdrawnWaiterIsNeverGranted() {
        String queue = newQueue();
        long holder = IDS.incrementAndGet();
        long adopted = IDS.incrementAndGet();
        long stopped = IDS.incrementAndGet();
        long next = IDS.incrementAndGet();
        slots.acquire(holder, CLUSTER, queue, 1, 1);
        slots.adopt(adopted, CLUSTER, queue, 1);
        slots.adopt(adopted, CLUSTER, queue, 1);
        assertThat(entries.countHolding(CLUSTER, queue)).isEqualTo(2);
        slots.acquire(stopped, CLUSTER, queue, 1, 1);
        slots.acquire(next, CLUSTER, queue, 1, 1);
        slots.withdrawWaiting(stopped);
        assertThat(slots.entryOf(stopped)).isNull();
        // two holders over a limit of one: the first release frees nothing
        assertThat(slots.release(holder, CLUSTER, queue, 1)).isEmpty();
        assertThat(slots.release(adopted, CLUSTER, queue, 1)).containsExactly(next);
        // a holder is not withdrawn: its slot comes back only by its release
        slots.withdrawWaiting(next);
        assertThat(slots.entryOf(next).state()).isEqualTo(SlotState.HOLDING);
    }

    @Test
    void theLimitHoldsWhileTwoHundredExecutionsRaceAndEveryOneIsGrantedOnce() throws Exception {
        String queue = newQueue();
        int limit = 5;
        int executions = 200;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < executions; i++) {
            ids.add(IDS.incrementAndGet());
        }
        Set<Long> granted = ConcurrentHashMap.newKeySet();
        AtomicInteger grantedTwice = new AtomicInteger();
        AtomicInteger maxHolding = new AtomicInteger();
        AtomicBoolean racing = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (racing.get()) {
                maxHolding.accumulateAndGet(entries.countHolding(CLUSTER, queue), Math::max);
            }
        });
        sampler.start();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CyclicBarrier start = new CyclicBarrier(16);
            List<Future<?>> done = new ArrayList<>();
            List<Long> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled);
            for (int t = 0; t < 16; t++) {
                List<Long> mine = shuffled.subList(t * executions / 16, (t + 1) * executions / 16);
                done.add(pool.submit(() -> {
                    start.await();
                    for (long id : mine) {
                        if (slots.acquire(id, CLUSTER, queue, (int) (id % 3), limit).holds()) {
                            record(granted, grantedTwice, id);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            // every holder ends and releases, concurrently, in whatever order; each grant is handed on
            List<Long> holders = new ArrayList<>(granted);
            List<Future<?>> releases = new ArrayList<>();
            java.util.concurrent.LinkedBlockingQueue<Long> toRelease = new java.util.concurrent.LinkedBlockingQueue<>(
                    holders);
            AtomicInteger released = new AtomicInteger();
            for (int t = 0; t < 16; t++) {
                releases.add(pool.submit(() -> {
                    while (released.get() < executions) {
                        Long id = toRelease.poll(10, java.util.concurrent.TimeUnit.MILLISECONDS);
                        if (id == null) {
                            continue;
                        }
                        for (long next : slots.release(id, CLUSTER, queue, limit)) {
                            record(granted, grantedTwice, next);
                            toRelease.add(next);
                        }
                        released.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : releases) {
                f.get();
            }
        } finally {
            racing.set(false);
            sampler.join();
            pool.shutdownNow();
        }
        assertThat(granted).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(grantedTwice).hasValue(0);
        assertThat(maxHolding.get()).isBetween(1, limit);
        assertThat(entries.countHolding(CLUSTER, queue)).isZero();
    }

    private static void record(Set<Long> granted, AtomicInteger twice, long id) {
        if (!granted.add(id)) {
            twice.incrementAndGet();
        }
    }
}
