package io.maple.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maple.system.harness.LightSpark;
import io.maple.system.harness.MapleRest;
import io.maple.system.harness.MapleStack;
import io.maple.system.harness.MapleStackExtension;
import io.maple.system.harness.StackSettings;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The api dies between committing a submission's row and starting its workflow (the
 * {@code maple.faults.halt-after-insert-prefix} crash point of {@code fault-points/} halts the JVM exactly there). The
 * stranded CREATED rows are started by the worker's reconciler; clients that retry get the same
 * execution back.
 */
class ApiCrashFaultIT {

    private static final int EXECUTIONS = 8;

    @RegisterExtension
    static final MapleStackExtension maple = new MapleStackExtension();

    @Test
    void apiKilledBetweenInsertAndWorkflowStartTheExecutionsStillRunToTheirEnd() throws Exception {
        MapleStack stack = maple.stack();
        // the stack's api halts after the insert of any uniqueId with this prefix
        FaultLedger ledger = new FaultLedger(StackSettings.HALT_AFTER_INSERT.replaceAll("-$", ""), stack);

        // concurrent clients: the first insert halts the api, the others die with it, before or after their insert
        ExecutorService clients = Executors.newFixedThreadPool(EXECUTIONS);
        try {
            List<CompletableFuture<MapleRest.Response>> attempts = new ArrayList<>();
            for (int n = 0; n < EXECUTIONS; n++) {
                Map<String, Object> job = LightSpark.job(ledger.key(n), 3, 0);
                attempts.add(CompletableFuture.supplyAsync(() -> stack.rest().post("/api/v1/executions", job), clients));
            }
            for (CompletableFuture<MapleRest.Response> attempt : attempts) {
                assertThat(attempt).as("a submission answered although the api halted")
                        .failsWithin(Duration.ofMinutes(1));
            }
        } finally {
            clients.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !stack.api().alive());
        ledger.fault("api halted after insert, before workflow start");
        List<String> stranded = new ArrayList<>();
        for (int n = 0; n < EXECUTIONS; n++) {
            if (!stack.executions().idsOf("system-tests", ledger.key(n)).isEmpty()) {
                stranded.add(ledger.key(n));
            }
        }
        // the others never existed: their clients got no answer and nothing was stored
        System.out.println("[fault] rows committed before the api died: " + stranded.size() + " of " + EXECUTIONS);
        assertThat(stranded).as("the crash point left a committed row behind").isNotEmpty();

        stack.api().start();
        // their clients retry: the same (fromApp, uniqueId) answers the stored execution, no new insert
        for (String key : stranded) {
            MapleRest.Response retry = stack.rest().post("/api/v1/executions", LightSpark.job(key, 3, 0));
            assertThat(retry.status()).as("retry of %s: %s", key, retry.raw()).isEqualTo(200);
            ledger.record(key, retry.body().get("id").asLong());
        }
        ledger.awaitAllTerminal(Duration.ofMinutes(3));
        ledger.assertConverged();
        for (String key : stranded) {
            assertThat(stack.executions().idsOf("system-tests", key)).as("rows of %s", key).hasSize(1);
        }
        // a retried submission does not start workflows: the reconciler did, for every stranded row
        String workerLog = Files.readString(stack.worker().process().log());
        for (String key : stranded) {
            assertThat(workerLog).contains("execution " + ledger.id(key) + " was CREATED without a workflow: started it");
        }
    }
}
