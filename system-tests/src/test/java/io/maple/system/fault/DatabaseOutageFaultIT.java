package io.maple.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maple.system.harness.LightSpark;
import io.maple.system.harness.MapleRest;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import io.maple.system.harness.Sleeper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MariaDB (the stack's private server) dies while executions run and while jobs end, and comes
 * back: every status change is written once it is back, nothing is lost, nothing runs twice.
 */
class DatabaseOutageFaultIT {

    private static final int EXECUTIONS = 6;
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @RegisterExtension
    static final MapleStackExtension maple = new MapleStackExtension();

    @Test
    void databaseKilledAndRestartedMidRunEveryExecutionEndsRight() throws Exception {
        MapleStack stack = maple.stack();
        FaultLedger ledger = new FaultLedger("mariadb-killed-mid-run", stack);
        // half end during the outage (their SUCCEED must wait for the database), half after it
        for (int n = 0; n < EXECUTIONS; n++) {
            ledger.submit(ledger.key(n), n % 2 == 0 ? 8 : 40);
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> stack.executions().statuses(ledger.ids()).values().stream().allMatch("RUNNING"::equals));

        stack.database().kill();
        ledger.fault("MariaDB SIGKILL for " + OUTAGE.toSeconds() + "s with " + EXECUTIONS + " executions RUNNING");
        MapleRest.Response refused = stack.rest().post("/api/v1/executions", LightSpark.job(ledger.key(EXECUTIONS), 3, 0));
        assertThat(refused.ok()).as("a submission while the database is down: %s", refused.raw()).isFalse();
        Sleeper.sleep(OUTAGE);
        stack.database().start();

        // the client whose submission failed retries it
        ledger.record(ledger.key(EXECUTIONS), stack.rest().submit(LightSpark.job(ledger.key(EXECUTIONS), 3, 0)));
        ledger.awaitAllTerminal(Duration.ofMinutes(4));
        ledger.assertConverged();
    }
}
