package io.maple.worker.admission;

import io.maple.activities.config.AdmissionProperties;
import io.maple.activities.workflow.WorkflowStates;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.queue.QueueGateRecord;
import io.maple.persistence.queue.QueueHolder;
import io.maple.persistence.queue.QueueSlots;
import io.maple.workflows.contract.QueueSlotActivities;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the queue tables honest where no workflow will: frees the slot of a holder that ended
 * without giving it back (its workflow terminated or forgotten after the terminal write), signals
 * again a grant its execution has not acted on, and grants slots a raised limit freed. A holder that
 * has not ended keeps its slot even without a workflow: its job may run on the cluster, and the
 * resumer restarts its workflow, which holds the slot again. One worker at a time (a MySQL named
 * lock); every step is idempotent.
 */
@Component
public class QueueSlotSweeper {

    private static final Logger log = LoggerFactory.getLogger(QueueSlotSweeper.class);
    private static final String LOCK = "maple-queue-slot-sweep";
    private static final int PAGE = 500;

    private final QueueSlots slots;
    private final QueueSlotActivities grants;
    private final WorkflowStates workflows;
    private final AdmissionProperties limits;
    private final SlotSweepProperties properties;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Counter reclaimed;
    private final Counter redelivered;

    public QueueSlotSweeper(QueueSlots slots, QueueSlotActivities grants, WorkflowStates workflows,
                            AdmissionProperties limits, SlotSweepProperties properties, JdbcTemplate jdbc,
                            MeterRegistry meters, Clock clock) {
        this.slots = slots;
        this.grants = grants;
        this.workflows = workflows;
        this.limits = limits;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.reclaimed = Counter.builder("maple.admission.slots.reclaimed")
                .description("slots freed because their holder's workflow was no longer running").register(meters);
        this.redelivered = Counter.builder("maple.admission.grants.redelivered")
                .description("grants signalled again because their execution had not acted on them").register(meters);
    }

    /** What one sweep did. */
    public record Sweep(boolean ran, int reclaimed, int redelivered, int toppedUp) {
    }

    @Scheduled(fixedDelayString = "${maple.worker.slot-sweep.interval:15s}",
            initialDelayString = "${maple.worker.slot-sweep.interval:15s}")
    public void sweepScheduled() {
        try {
            Sweep sweep = sweep();
            if (sweep.reclaimed() + sweep.redelivered() + sweep.toppedUp() > 0) {
                log.info("queue slot sweep: {}", sweep);
            }
        } catch (RuntimeException e) {
            log.warn("sweeping the queue slots failed, the next sweep retries: {}", e.toString());
        }
    }

    /** One sweep, unless another worker is sweeping. */
    public Sweep sweep() {
        return jdbc.execute((ConnectionCallback<Sweep>) connection -> {
            // the named lock belongs to this connection, kept open for the sweep (whose statements use others)
            if (!namedLock(connection, "SELECT GET_LOCK(?, 0)")) {
                return new Sweep(false, 0, 0, 0);
            }
            try {
                return sweepHoldingTheLock();
            } finally {
                namedLock(connection, "SELECT RELEASE_LOCK(?)");
            }
        });
    }

    private static boolean namedLock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        }
    }

    private Sweep sweepHoldingTheLock() {
        Instant now = clock.instant();
        int reclaims = 0;
        List<Long> unheard = new ArrayList<>();
        long after = 0;
        List<QueueHolder> page;
        do {
            page = slots.holders(after, now.minus(properties.reclaimAfter()), PAGE);
            for (QueueHolder holder : page) {
                after = holder.executionId();
                boolean ended = holder.status() == null || holder.status().isTerminal();
                if (ended && !running(holder.executionId())) {
                    // a running workflow is about to release it itself
                    reclaim(holder);
                    reclaims++;
                } else if (holder.status() == ExecutionStatus.ACCEPTED
                        && holder.grantTime().isBefore(now.minus(properties.redeliverAfter()))) {
                    unheard.add(holder.executionId());
                }
            }
        } while (page.size() == PAGE);
        if (!unheard.isEmpty()) {
            grants.notifyGranted(unheard);
            redelivered.increment(unheard.size());
        }
        return new Sweep(true, reclaims, unheard.size(), topUp());
    }

    private boolean running(long executionId) {
        return workflows.of(executionId).filter(s -> s == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING)
                .isPresent();
    }

    private void reclaim(QueueHolder holder) {
        MDC.put("executionId", Long.toString(holder.executionId()));
        try {
            log.warn("execution {} ({}) held a slot of {}/{} without a running workflow: slot freed",
                    holder.executionId(), holder.status(), holder.cluster(), holder.clusterQueue());
        } finally {
            MDC.remove("executionId");
        }
        List<Long> granted = slots.release(holder.executionId(), holder.cluster(), holder.clusterQueue(),
                limits.limitFor(holder.cluster(), holder.clusterQueue()));
        reclaimed.increment();
        if (!granted.isEmpty()) {
            grants.notifyGranted(granted);
        }
    }

    /** Queues with waiters get the slots their limit allows now (a raised limit frees some). */
    private int topUp() {
        int granted = 0;
        for (QueueGateRecord gate : slots.gatesWithWaiters()) {
            List<Long> ids = slots.topUp(gate.cluster(), gate.clusterQueue(),
                    limits.limitFor(gate.cluster(), gate.clusterQueue()));
            if (!ids.isEmpty()) {
                grants.notifyGranted(ids);
                granted += ids.size();
            }
        }
        return granted;
    }
}
