package io.maple.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maple.system.harness.ExecutionTable;
import io.maple.system.harness.LaunchLog;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import io.maple.system.harness.StackSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every Maple process dies at once (SIGKILL to the api, the worker, MariaDB and the Temporal test
 * server, whose workflows live only in memory) while one execution runs and three wait on a queue
 * of limit 1. Started again, Temporal knows nothing: the worker resumes each execution from its row
 * in MySQL. The running one is adopted, not launched again; the queued ones then run one at a time
 * in priority order, one priority in submission order; each ends exactly once and no status moves
 * backwards.
 */
class StackCrashFaultIT {

    private static final String QUEUE = "crash";

    /** Its own stack (the queue's limit is part of its settings): this test throws Temporal's state away. */
    @RegisterExtension
    static final MapleStackExtension maple = new MapleStackExtension(StackSettings.local()
            .withWorker("maple.admission.limits." + MapleStack.LOCAL_CLUSTER + "-" + QUEUE, "1"));

    private static final Map<String, Integer> RANK = Map.of("CREATED", 0, "ACCEPTED", 1, "STARTING", 2,
            "RUNNING", 3, "UNKNOWN", 3);

    @Test
    void everyProcessKilledExecutionsResumeFromMySqlOnceEachInPriorityOrder() throws Exception {
        MapleStack stack = maple.stack();
        FaultLedger ledger = new FaultLedger("stack-killed", stack);
        // long enough to outlive the restart of the whole stack (17 s here, more on a busy CI machine)
        long running = ledger.submit(ledger.key(0), 60, QUEUE, 3);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> "RUNNING".equals(stack.executions().status(running)));
        // the first priority is submitted after one of the second: order comes from priority, then submission
        ledger.submit(ledger.key(1), 3, QUEUE, 2);
        ledger.submit(ledger.key(2), 3, QUEUE, 1);
        ledger.submit(ledger.key(3), 3, QUEUE, 2);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.executions().statuses(ledger.ids()).values().stream()
                        .filter("ACCEPTED"::equals).count() == 3);

        stack.crash();
        ledger.fault("SIGKILL to api, worker, MariaDB and the Temporal server: 1 RUNNING, 3 ACCEPTED");
        assertThat(stack.engineProcesses().of(running)).as("the running job outlived Maple").isNotEmpty();
        stack.startAfterCrash();

        ledger.awaitAllTerminal(Duration.ofMinutes(4));
        ledger.assertConverged();

        List<String> keys = List.of(ledger.key(0), ledger.key(1), ledger.key(2), ledger.key(3));
        List<LaunchLog.Run> runs = stack.launches().runs(keys);
        System.out.println("[fault] runs after the crash: " + runs);
        assertThat(runs).extracting(LaunchLog.Run::key)
                .as("the adopted job, then the queued ones by priority, then in submission order")
                .containsExactly(ledger.key(0), ledger.key(2), ledger.key(1), ledger.key(3));
        for (int n = 1; n < runs.size(); n++) {
            assertThat(runs.get(n).startedAt()).as("%s started after %s ended (limit 1)", runs.get(n).key(),
                    runs.get(n - 1).key()).isGreaterThanOrEqualTo(runs.get(n - 1).endedAt());
        }
        for (long id : ledger.ids()) {
            assertEndedOnceMovingForward(id, stack.executions().history(id));
        }
    }

    private static void assertEndedOnceMovingForward(long id, List<String> history) {
        assertThat(history.stream().filter(ExecutionTable.TERMINAL::contains))
                .as("terminal statuses of execution %d: %s", id, history).hasSize(1);
        int rank = -1;
        for (String status : history) {
            int now = RANK.getOrDefault(status, 4);
            assertThat(now).as("execution %d moved back to %s: %s", id, status, history).isGreaterThanOrEqualTo(rank);
            rank = now;
        }
    }
}
