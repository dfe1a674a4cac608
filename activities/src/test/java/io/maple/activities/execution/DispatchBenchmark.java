package io.maple.activities.execution;

import io.maple.activities.support.WorkflowHarness;
import io.maple.activities.support.WorkflowTestApp;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.ExecutionOutcome;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Dispatch latency (submit -> STARTING, from the history rows' times) under a burst of
 * submissions, and history events per execution. Not part of the normal run (surefire excludes
 * *Benchmark*): {@code -Dtest=DispatchBenchmark -Dmaple.bench.count=100}.
 */
@SpringBootTest(classes = WorkflowTestApp.class)
class DispatchBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        WorkflowTestApp.register(registry, "bench");
    }

    @Autowired
    WorkflowHarness harness;
    @Autowired
    ExecutionStore store;

    @Test
    void dispatchLatency() throws Exception {
        harness.start();
        int count = Integer.getInteger("maple.bench.count", 100);
        harness.submit("bench", 1, "exit 0"); // warm-up
        ExecutorService submitters = Executors.newFixedThreadPool(8);
        List<Future<Long>> ids = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int priority = 1 + i % 3;
            ids.add(submitters.submit(() -> harness.submit("bench", priority, "exit 0")));
        }
        List<Long> latencies = new ArrayList<>();
        List<Integer> events = new ArrayList<>();
        for (Future<Long> f : ids) {
            long id = f.get();
            WorkflowStub.fromTyped(harness.workflow(id)).getResult(ExecutionOutcome.class);
            List<StatusHistoryRecord> history = store.history(id);
            var created = history.get(0).createTime();
            var starting = history.stream().filter(h -> h.toStatus() == ExecutionStatus.STARTING).findFirst()
                    .orElseThrow().createTime();
            latencies.add(Duration.between(created, starting).toMillis());
            events.add(harness.client().fetchHistory(WorkflowIds.forExecution(id)).getEvents().size());
        }
        long wall = (System.nanoTime() - t0) / 1_000_000;
        submitters.shutdown();
        Collections.sort(latencies);
        Collections.sort(events);
        System.out.printf("DispatchBenchmark: %d executions in %d ms; submit->STARTING p50=%d ms p99=%d ms max=%d ms;"
                        + " history events per execution min=%d median=%d max=%d%n",
                count, wall, pct(latencies, 50), pct(latencies, 99), latencies.get(latencies.size() - 1),
                events.get(0), events.get(events.size() / 2), events.get(events.size() - 1));
    }

    private static <T> T pct(List<T> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
