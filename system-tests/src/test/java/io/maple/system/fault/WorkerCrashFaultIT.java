package io.maple.system.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.system.harness.MapleRest;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import io.maple.system.harness.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worker dies (SIGKILL) while executions launch or run, and comes back: every execution
 * converges to its right final status, and the LOCAL cluster ran each exactly once.
 */
class WorkerCrashFaultIT {

    private static final int EXECUTIONS = 6;

    @RegisterExtension
    static final MapleStackExtension maple = new MapleStackExtension();

    @Test
    void workerKilledDuringLaunchConvergesWithOneAppEach() throws Exception {
        MapleStack stack = maple.stack();
        FaultLedger ledger = new FaultLedger("worker-killed-during-launch", stack);
        for (int n = 0; n < EXECUTIONS; n++) {
            ledger.submit(ledger.key(n), 4);
        }

        // The launcher's claim file appears before it spawns the process, and RUNNING is recorded only
        // after the launch activity returned: killing the worker as soon as one shows hits STARTING.
        Path claimed = awaitFirstClaim(stack, ledger.ids());
        stack.worker().kill();
        ledger.fault("worker SIGKILL at first launch claim " + claimed.getParent().getFileName());
        Map<Long, String> atKill = stack.executions().statuses(ledger.ids());
        System.out.println("[fault] statuses when the worker died: " + atKill);
        assertThat(atKill).as("the kill caught a launch in flight").containsValue("STARTING");

        stack.worker().start();
        ledger.awaitAllTerminal(Duration.ofMinutes(4));
        ledger.assertConverged();
    }

    @Test
    void workerKilledWhileExecutionsRunTheyEndWithOneAppEach() throws Exception {
        MapleStack stack = maple.stack();
        FaultLedger ledger = new FaultLedger("worker-killed-while-running", stack);
        for (int n = 0; n < EXECUTIONS - 1; n++) {
            ledger.submit(ledger.key(n), 15);
        }
        // one long run is killed through the API while the worker is dead: it must end KILLED
        String doomed = ledger.key(EXECUTIONS - 1);
        long doomedId = ledger.submit(doomed, 600);
        ledger.expect(doomed, "KILLED");
        ledger.awaitAllRunning();

        stack.worker().kill();
        ledger.fault("worker SIGKILL with " + EXECUTIONS + " executions RUNNING");
        CompletableFuture<MapleRest.Response> kill = CompletableFuture.supplyAsync(
                () -> stack.rest().kill(doomedId, "killed while the worker is down"));
        ledger.fault("kill request while the worker is down");
        Sleeper.sleep(Duration.ofSeconds(2));

        stack.worker().start();
        assertThat(kill.get().status()).as("kill answer: %s", kill.get().raw()).isEqualTo(200);
        ledger.awaitAllTerminal(Duration.ofMinutes(4));
        ledger.assertConverged();
    }

    /** Polls the LOCAL work directories tightly: the first {@code launch.claim} of these executions. */
    private static Path awaitFirstClaim(MapleStack stack, List<Long> ids) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            for (long id : ids) {
                Path claim = stack.workDir().resolve(String.valueOf(id)).resolve("launch.claim");
                if (Files.exists(claim)) {
                    return claim;
                }
            }
            Sleeper.sleep(Duration.ofMillis(1));
        }
        throw new AssertionError("no execution reached its launch within 2 minutes");
    }
}
