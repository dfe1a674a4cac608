package io.maple.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maple.system.harness.LightSpark;
import io.maple.system.harness.MapleRest;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MariaDB (the stack's private server) dies while executions run and while jobs end, and comes
 * back: every status change is written once it is back, nothing is lost, nothing runs twice.
 */
class DatabaseOutageFaultIT {

    private static final int EXECUTIONS = 6;

    @RegisterExtension
    static final MapleStackExtension maple = new MapleStackExtension();

    @Test
    void databaseKilledAndRestartedMidRunEveryExecutionEndsRight() throws Exception {
        MapleStack stack = maple.stack();
        FaultLedger ledger = new FaultLedger("mariadb-killed-mid-run", stack);
        // half end during the outage (their SUCCEED must wait for the database), half after it: 10 s outlasts
        // the launch of the six, 32 s the outage plus MariaDB's restart
        for (int n = 0; n < EXECUTIONS; n++) {
            ledger.submit(ledger.key(n), n % 2 == 0 ? 10 : 32);
        }
        ledger.awaitAllRunning();
        List<Long> shortJobs = new ArrayList<>();
        for (int n = 0; n < EXECUTIONS; n += 2) {
            shortJobs.add(ledger.id(ledger.key(n)));
        }

        stack.database().kill();
        long killed = System.nanoTime();
        // the short jobs whose processes still run now end during the outage: what the test is about
        List<Long> endingInTheOutage = shortJobs.stream()
                .filter(id -> !stack.engineProcesses().of(id).isEmpty()).toList();
        assertThat(endingInTheOutage).as("short jobs still running when MariaDB was killed").isNotEmpty();
        // a client submits during the outage: the api waits for a connection, then answers or fails
        String late = ledger.key(EXECUTIONS);
        CompletableFuture<MapleRest.Response> duringOutage = CompletableFuture.supplyAsync(
                () -> stack.rest().post("/api/v1/executions", LightSpark.job(late, 3, 0), Duration.ofMinutes(2)));
        // the outage lasts until their processes have ended, however long that takes on a loaded machine
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> endingInTheOutage.stream().allMatch(id -> stack.engineProcesses().of(id).isEmpty()));
        ledger.fault("MariaDB SIGKILL for " + Duration.ofNanos(System.nanoTime() - killed).toSeconds() + "s with "
                + EXECUTIONS + " executions RUNNING, " + endingInTheOutage.size() + " of them ending in the outage");
        stack.database().start();

        MapleRest.Response answer = duringOutage.handle((r, e) -> r).get();
        System.out.println("[fault] submission during the outage answered "
                + (answer == null ? "nothing" : answer.status() + " " + answer.raw()));
        // a client without a 2xx retries; the retry finds the row if the first attempt stored it
        ledger.record(late, stack.rest().submit(LightSpark.job(late, 3, 0)));
        assertThat(stack.executions().idsOf("system-tests", late)).as("rows of the submission made during the outage")
                .hasSize(1);
        ledger.awaitAllTerminal(Duration.ofMinutes(4));
        ledger.assertConverged();
    }
}
