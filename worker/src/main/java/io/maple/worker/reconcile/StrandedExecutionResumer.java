package io.maple.worker.reconcile;

import io.maple.activities.workflow.WorkflowStates;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionMapper;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.worker.WorkerProperties;
import io.maple.workflows.client.ExecutionStarter;
import io.maple.workflows.contract.QueueSlotActivities;
import io.maple.workflows.contract.SlotRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Restarts the workflow of every non-terminal execution that Temporal no longer runs: its server
 * forgot it (the dev server keeps workflows in memory; a namespace recreated, a database restored)
 * or its workflow closed while the row did not end. The workflow resumes from the status stored in
 * MySQL (EngineExecutionWorkflowImpl.drive): ACCEPTED queues again, STARTING launches through the
 * launcher's adoption (it finds what an earlier attempt started first), RUNNING and UNKNOWN monitor
 * the application. Statuses only move forward (compare-and-set transitions), and the workflow id
 * with USE_EXISTING makes two workers resuming one execution start one workflow.
 */
@Component
public class StrandedExecutionResumer {

    /**
     * Launched ones first: each takes its queue slot back (QueueSlots#adopt, here before its workflow
     * starts, so it holds before any resumed queued one asks for a slot), so a queue's limit holds
     * across the restart.
     */
    static final List<Set<ExecutionStatus>> PHASES = List.of(
            EnumSet.of(ExecutionStatus.STARTING, ExecutionStatus.RUNNING, ExecutionStatus.UNKNOWN),
            EnumSet.of(ExecutionStatus.ACCEPTED));

    private static final Logger log = LoggerFactory.getLogger(StrandedExecutionResumer.class);
    private static final int PAGE = 500;

    private final ExecutionMapper executions;
    private final ExecutionStarter starter;
    private final WorkflowStates workflows;
    private final QueueSlotActivities slots;
    private final WorkerProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    public StrandedExecutionResumer(ExecutionMapper executions, ExecutionStarter starter, WorkflowStates workflows,
                                    QueueSlotActivities slots, WorkerProperties properties, MeterRegistry meters,
                                    Clock clock) {
        this.executions = executions;
        this.starter = starter;
        this.workflows = workflows;
        this.slots = slots;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${maple.worker.resume-interval:5m}",
            initialDelayString = "${maple.worker.reconcile-interval:10s}")
    public void resumeScheduled() {
        try {
            resumeAll();
        } catch (RuntimeException e) {
            log.warn("resuming stranded executions failed, the next pass retries: {}", e.toString());
        }
    }

    /** One pass over every non-terminal execution, a page of rows at a time; returns how many it resumed. */
    public int resumeAll() {
        return resumeAll(clock.instant().minus(properties.reconcileAge()));
    }

    /**
     * The same over the rows created before {@code before} (younger ones may still be on their way into
     * Temporal: the api inserts, then starts the workflow).
     */
    public int resumeAll(Instant before) {
        // one listing instead of a lookup per row: with every workflow running a pass costs the scan alone
        Set<Long> open = workflows.openExecutions();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(properties.resumeConcurrency(),
                r -> new Thread(r, "maple-resume-" + threads.incrementAndGet()));
        try {
            int resumed = 0;
            for (Set<ExecutionStatus> statuses : PHASES) {
                long after = 0;
                List<ExecutionRecord> page;
                do {
                    page = executions.findByStatusAfterId(statuses, after, before, PAGE);
                    List<Future<Boolean>> pending = new ArrayList<>();
                    for (ExecutionRecord execution : page) {
                        after = execution.id();
                        if (!open.contains(execution.id())) {
                            pending.add(pool.submit(() -> resume(execution)));
                        }
                    }
                    // a page at a time: a phase ends before the next begins, and memory holds one page
                    resumed += countResumed(pending);
                } while (page.size() == PAGE);
            }
            return resumed;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for a page's resumes; the first failure ends the pass (the next one retries). */
    private static int countResumed(List<Future<Boolean>> pending) {
        int resumed = 0;
        try {
            for (Future<Boolean> f : pending) {
                if (f.get()) {
                    resumed++;
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resuming", e);
        }
        return resumed;
    }

    private boolean resume(ExecutionRecord execution) {
        Optional<WorkflowExecutionStatus> workflow = workflows.of(execution.id());
        if (workflow.isPresent() && workflow.get() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
            return false;
        }
        // its workflow may have ended it between the page and the look: then there is nothing to resume
        ExecutionRecord now = executions.findById(execution.id());
        if (now == null || now.status().isTerminal()) {
            return false;
        }
        if (now.status() != ExecutionStatus.ACCEPTED) {
            // synchronous, before the start: its workflow adopts too (idempotent), but only after its first task
            slots.holdSlot(new SlotRequest(now.cluster(), now.clusterQueue(), now.id(), now.priority()));
        }
        starter.start(now.id(), now.priority(), now.execName());
        Counter.builder("maple.resumed").description("executions whose workflow was restarted from MySQL")
                .tag("from_status", now.status().name()).register(meters).increment();
        MDC.put("executionId", Long.toString(now.id()));
        try {
            log.warn("execution {} was {} with {}: resumed its workflow from that status", now.id(), now.status(),
                    workflow.map(s -> "its workflow " + s.name().replace("WORKFLOW_EXECUTION_STATUS_", ""))
                            .orElse("no workflow in Temporal"));
        } finally {
            MDC.remove("executionId");
        }
        return true;
    }
}
