package io.maple.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maple.system.harness.LightSpark;
import io.maple.system.harness.MapleRest;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The api dies between committing a submission's row and starting its workflow (the
 * {@code maple.api.faults.halt-after-insert} crash point halts the JVM exactly there). The stranded
 * CREATED row is started by the worker's reconciler; clients that retry get the same execution.
 */
class ApiCrashFaultIT {

    private static final int EXECUTIONS = 5;

    @RegisterExtension
    static final MapleStackExtension maple = new MapleStackExtension();

    @Test
    void apiKilledBetweenInsertAndWorkflowStartTheExecutionsStillRunToTheirEnd() throws Exception {
        MapleStack stack = maple.stack();
        FaultLedger ledger = new FaultLedger("api-killed-after-insert", stack);
        stack.api().kill();
        stack.api().start(Map.of("maple.api.faults.halt-after-insert", "true"));

        // concurrent clients: the first insert halts the api, the others die with it, before or after their insert
        List<CompletableFuture<MapleRest.Response>> attempts = new ArrayList<>();
        for (int n = 0; n < EXECUTIONS; n++) {
            Map<String, Object> job = LightSpark.job(ledger.key(n), 3, 0);
            attempts.add(CompletableFuture.supplyAsync(() -> stack.rest().post("/api/v1/executions", job)));
        }
        for (CompletableFuture<MapleRest.Response> attempt : attempts) {
            assertThat(attempt).as("a submission answered although the api halted").failsWithin(Duration.ofMinutes(1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !stack.api().alive());
        ledger.fault("api halted after insert, before workflow start");
        List<String> stranded = new ArrayList<>();
        for (int n = 0; n < EXECUTIONS; n++) {
            if (!stack.executions().idsOf("system-tests", ledger.key(n)).isEmpty()) {
                stranded.add(ledger.key(n));
            }
        }
        System.out.println("[fault] rows committed before the api died: " + stranded);
        assertThat(stranded).as("the crash point left a committed row behind").isNotEmpty();

        stack.api().start();
        // clients retry: the same (fromApp, uniqueId) answers the existing row or creates it now
        for (int n = 0; n < EXECUTIONS; n++) {
            ledger.record(ledger.key(n), stack.rest().submit(LightSpark.job(ledger.key(n), 3, 0)));
        }
        ledger.awaitAllTerminal(Duration.ofMinutes(3));
        ledger.assertConverged();
        for (int n = 0; n < EXECUTIONS; n++) {
            assertThat(stack.executions().idsOf("system-tests", ledger.key(n))).as("rows of %s", ledger.key(n))
                    .hasSize(1);
        }
        // a retried submission does not start workflows: the reconciler did, for every stranded row
        String workerLog = Files.readString(stack.worker().process().log());
        for (String key : stranded) {
            assertThat(workerLog).contains("execution " + ledger.id(key) + " was CREATED without a workflow: started it");
        }
    }
}
