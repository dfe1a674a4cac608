package io.maple.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.maple.system.harness.ExecutionTable;
import io.maple.system.harness.LaunchLog;
import io.maple.system.harness.LightSpark;
import io.maple.system.harness.MapleStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The books of one fault test: the light executions it submitted and the status each must end
 * in, the faults it injected; at the end it checks MySQL and what the LOCAL cluster really ran, and
 * prints one summary line (executions, faults, lost, duplicate apps) for the issue's figures.
 */
final class FaultLedger {

    private final String test;
    private final MapleStack stack;
    private final String runPrefix;
    private final Map<String, Long> ids = new LinkedHashMap<>();
    private final Map<String, String> expected = new LinkedHashMap<>();
    private final List<String> faults = new ArrayList<>();
    private final long startedAt = System.nanoTime();

    FaultLedger(String test, MapleStack stack) {
        this.test = test;
        this.stack = stack;
        // a stack is shared by test classes: unique keys keep each test's executions its own
        this.runPrefix = test.replaceAll("[^A-Za-z0-9]", "-") + "-" + System.currentTimeMillis() + "-";
    }

    /** A unique id for the n-th execution of this test. */
    String key(int n) {
        return runPrefix + n;
    }

    /** Submits a light job of {@code seconds} that must end SUCCEED. */
    long submit(String key, int seconds) {
        return submit(key, seconds, "default", 1);
    }

    /** Submits a light job of {@code seconds} to a queue of the local cluster, with a priority (1 first). */
    long submit(String key, int seconds, String clusterQueue, int priority) {
        Map<String, Object> job = LightSpark.job(key, seconds, 0);
        job.put("clusterQueue", clusterQueue);
        job.put("priority", priority);
        long id = stack.rest().submit(job);
        record(key, id);
        return id;
    }

    /** Remembers an execution whose submission the test made itself (e.g. through a crashing api). */
    void record(String key, long id) {
        ids.put(key, id);
        expected.putIfAbsent(key, "SUCCEED");
    }

    void expect(String key, String status) {
        expected.put(key, status);
    }

    void fault(String what) {
        faults.add(what);
    }

    List<Long> ids() {
        return List.copyOf(ids.values());
    }

    long id(String key) {
        return ids.get(key);
    }

    /** Until every execution runs (or, a short one, already ran to its end): the moment to inject a fault. */
    void awaitAllRunning() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> stack.executions().statuses(ids.values()).values().stream()
                        .allMatch(s -> "RUNNING".equals(s) || "SUCCEED".equals(s)));
    }

    void awaitAllTerminal(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> stack.executions().statuses(ids.values()).values().stream()
                        .allMatch(ExecutionTable.TERMINAL::contains));
    }

    /**
     * Every execution is in its expected final status in MySQL, the cluster ran exactly one process
     * for each (and ran to the end exactly those that must SUCCEED), and none is left running.
     */
    void assertConverged() throws Exception {
        Map<Long, String> statuses = stack.executions().statuses(ids.values());
        LaunchLog launches = stack.launches();
        Map<String, String> wrong = new TreeMap<>();
        Map<String, Integer> duplicates = new TreeMap<>();
        Map<String, Integer> unlaunched = new TreeMap<>();
        ids.forEach((key, id) -> {
            if (!expected.get(key).equals(statuses.get(id))) {
                wrong.put(key + "#" + id, statuses.get(id) + " (expected " + expected.get(key) + ")");
            }
            int starts = launches.starts(key);
            if (starts > 1) {
                duplicates.put(key + "#" + id, starts);
            } else if (starts == 0) {
                unlaunched.put(key + "#" + id, 0);
            }
        });
        Map<String, Integer> byStatus = new TreeMap<>();
        statuses.values().forEach(s -> byStatus.merge(s, 1, Integer::sum));
        System.out.printf("[fault-summary] %s: executions=%d faults=%d %s lost=%d duplicateApps=%d statuses=%s "
                        + "elapsed=%ds%n", test, ids.size(), faults.size(), faults, wrong.size(), duplicates.size(),
                byStatus, Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());

        assertThat(faults).as("faults injected").isNotEmpty();
        assertThat(wrong).as("executions not in their expected final status (lost)").isEmpty();
        assertThat(duplicates).as("executions the cluster ran more than once").isEmpty();
        assertThat(unlaunched).as("executions the cluster never ran").isEmpty();
        ids.forEach((key, id) -> {
            assertThat(launches.ends(key)).as("runs of %s that reached their end", key)
                    .isEqualTo("SUCCEED".equals(expected.get(key)) ? 1 : 0);
            assertThat(stack.engineProcesses().of(id)).as("processes of execution %d still alive", id).isEmpty();
        });
    }
}
