package io.maple.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.system.harness.ExecutionTable;
import io.maple.system.harness.LaunchLog;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import io.maple.system.harness.Sleeper;
import io.maple.system.harness.StackSettings;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 29, items 2 and 3: bursts onto 2 queues of limit 5, priorities mixed, with a fault in their
 * middle. The worker killed -9 three seconds into 200 one-second jobs and started again: Every execution ends exactly once (one terminal
 * row, one process run to its end), the cluster never ran more than 5 of a queue at once (from the
 * light engine's own start and end times), and among the slots granted after the restart no waiter of
 * a more urgent priority was passed over (the queue table's grants, sampled every 100 ms). The database
 * killed for 20 s while a burst runs: nothing lost, every slot given back, the queues drained after it.
 */
class BurstFaultIT {

    private static final int EXECUTIONS = 200;
    private static final int LIMIT = 5;
    private static final List<String> QUEUES = List.of("burst-a", "burst-b");
    /** A waiter counts as passed over only when it was in line this long before the other's grant. */
    private static final long TIE_MICROS = 100_000;

    @RegisterExtension
    static final MapleStackExtension maple = new MapleStackExtension(StackSettings.local()
            .withWorker("maple.admission.limits.local-burst-a", String.valueOf(LIMIT))
            .withWorker("maple.admission.limits.local-burst-b", String.valueOf(LIMIT)));

    @Test
    void aBurstSurvivesTheWorkerKilledInItsMiddle() throws Exception {
        MapleStack stack = maple.stack();
        FaultLedger ledger = new FaultLedger("burst-worker-killed", stack);
        // execution id -> {joined the line, granted, 1 when first seen holding after the restart}
        Map<Long, long[]> grants = new ConcurrentHashMap<>();
        AtomicBoolean restarted = new AtomicBoolean();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            try {
                long after = restarted.get() ? 1 : 0;
                stack.executions().queueHolders("burst-").forEach((id, times) ->
                        grants.putIfAbsent(id, new long[] {times[0], times[1], after}));
            } catch (SQLException e) {
                // a sample missed; the next one comes in 100 ms
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        Map<String, String> queueOf = new HashMap<>();
        Map<Long, Integer> priorityOf = new HashMap<>();
        Map<Long, String> queueOfId = new HashMap<>();
        Random random = new Random(29);
        long began = System.nanoTime();
        try {
            boolean killed = false;
            for (int n = 0; n < EXECUTIONS; n++) {
                if (!killed && System.nanoTime() - began > Duration.ofSeconds(3).toNanos()) {
                    stack.worker().kill();
                    ledger.fault("worker SIGKILL 3 s into the burst, after " + n + " submissions");
                    killed = true;
                }
                String queue = QUEUES.get(n % QUEUES.size());
                int priority = 1 + random.nextInt(5);
                long id = ledger.submit(ledger.key(n), 1, queue, priority);
                queueOf.put(ledger.key(n), queue);
                priorityOf.put(id, priority);
                queueOfId.put(id, queue);
            }
            if (!killed) {
                stack.worker().kill();
                ledger.fault("worker SIGKILL after the burst's " + EXECUTIONS + " submissions");
            }
            Sleeper.sleep(Duration.ofSeconds(1));
            // a dead worker grants nothing: whatever the sampler sees holding from now on was granted after it
            Sleeper.sleep(Duration.ofMillis(300));
            restarted.set(true);
            stack.worker().start();
            ledger.awaitAllTerminal(Duration.ofMinutes(5));
        } finally {
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        ledger.assertConverged();

        for (long id : ledger.ids()) {
            List<String> history = stack.executions().history(id);
            assertThat(history.stream().filter(ExecutionTable.TERMINAL::contains)).as("terminal rows of %d", id)
                    .hasSize(1);
        }
        Map<String, Integer> most = mostRunningAtOnce(stack.launches().runs(queueOf.keySet()), queueOf);
        System.out.printf("[fault] burst: most processes of one queue at once %s, grants seen %d of %d%n", most,
                grants.size(), EXECUTIONS);
        assertThat(most.values()).allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(LIMIT));

        long inversions = 0;
        for (var served : grants.entrySet()) {
            if (served.getValue()[2] == 0) {
                continue; // granted before the kill
            }
            for (var waiter : grants.entrySet()) {
                if (queueOfId.get(waiter.getKey()).equals(queueOfId.get(served.getKey()))
                        && priorityOf.get(waiter.getKey()) < priorityOf.get(served.getKey())
                        && waiter.getValue()[0] <= served.getValue()[1] - TIE_MICROS
                        && waiter.getValue()[1] > served.getValue()[1]) {
                    inversions++;
                }
            }
        }
        assertThat(grants.size()).as("grants seen by the sampler").isGreaterThan(EXECUTIONS * 9 / 10);
        assertThat(inversions).as("more urgent waiters passed over after the restart").isZero();
    }

    @Test
    void aBurstSurvivesTwentySecondsWithoutItsDatabase() throws Exception {
        MapleStack stack = maple.stack();
        FaultLedger ledger = new FaultLedger("burst-database-down", stack);
        Map<String, String> queueOf = new HashMap<>();
        Random random = new Random(30);
        for (int n = 0; n < 100; n++) {
            String queue = QUEUES.get(n % QUEUES.size());
            ledger.submit(ledger.key(n), 2, queue, 1 + random.nextInt(5));
            queueOf.put(ledger.key(n), queue);
        }
        stack.database().kill();
        ledger.fault("MariaDB SIGKILL for 20 s with the burst's 100 executions running or waiting");
        Sleeper.sleep(Duration.ofSeconds(20));
        stack.database().start();

        ledger.awaitAllTerminal(Duration.ofMinutes(5));
        ledger.assertConverged();
        Map<String, Integer> most = mostRunningAtOnce(stack.launches().runs(queueOf.keySet()), queueOf);
        System.out.printf("[fault] burst through a database outage: most processes of one queue at once %s%n", most);
        assertThat(most.values()).allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(LIMIT));
        // every slot came back: no entry is left holding or waiting in the burst's queues
        assertThat(stack.executions().queueEntries("burst-")).as("queue entries left").isZero();
    }

    /** Per queue, the most light-engine processes that ran at the same time, from their start and end times. */
    private static Map<String, Integer> mostRunningAtOnce(List<LaunchLog.Run> runs, Map<String, String> queueOf) {
        Map<String, List<long[]>> events = new HashMap<>();
        for (LaunchLog.Run run : runs) {
            List<long[]> queue = events.computeIfAbsent(queueOf.get(run.key()), q -> new ArrayList<>());
            queue.add(new long[] {run.startedAt(), 1});
            queue.add(new long[] {run.endedAt() < 0 ? Long.MAX_VALUE : run.endedAt(), -1});
        }
        Map<String, Integer> most = new HashMap<>();
        events.forEach((queue, list) -> {
            // an end before a start at the same millisecond: a slot handed on is not two at once
            list.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            int running = 0;
            int peak = 0;
            for (long[] e : list) {
                running += (int) e[1];
                peak = Math.max(peak, running);
            }
            most.put(queue, peak);
        });
        return most;
    }
}
