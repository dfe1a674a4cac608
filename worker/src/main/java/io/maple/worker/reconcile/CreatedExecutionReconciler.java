package io.maple.worker.reconcile;

import io.maple.activities.workflow.WorkflowStates;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionMapper;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.worker.WorkerProperties;
import io.maple.workflows.client.ExecutionStarter;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the workflow of every CREATED execution older than a few seconds that has none: the API
 * crashed between the insert and the start. USE_EXISTING makes a race with the API harmless.
 */
@Component
public class CreatedExecutionReconciler {

    private static final Logger log = LoggerFactory.getLogger(CreatedExecutionReconciler.class);
    private static final int BATCH = 200;

    private final ExecutionMapper executions;
    private final ExecutionStarter starter;
    private final WorkflowStates workflows;
    private final WorkerProperties properties;
    private final Clock clock;

    public CreatedExecutionReconciler(ExecutionMapper executions, ExecutionStarter starter, WorkflowStates workflows,
                                      WorkerProperties properties, Clock clock) {
        this.executions = executions;
        this.starter = starter;
        this.workflows = workflows;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${maple.worker.reconcile-interval:10s}",
            initialDelayString = "${maple.worker.reconcile-interval:10s}")
    public void reconcileScheduled() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("reconciliation failed, next round retries: {}", e.toString());
        }
    }

    /** Returns how many workflows it started. */
    public int reconcile() {
        List<ExecutionRecord> stale = executions.findByStatusCreatedBefore(List.of(ExecutionStatus.CREATED),
                clock.instant().minus(properties.reconcileAge()), BATCH);
        int started = 0;
        for (ExecutionRecord e : stale) {
            if (workflows.of(e.id()).isEmpty()) {
                starter.start(e.id(), e.priority(), e.execName());
                log.warn("execution {} was CREATED without a workflow: started it", e.id());
                started++;
            }
        }
        return started;
    }
}
