package io.maple.persistence.execution;

import io.maple.domain.ExecutionStatus;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.queue.QueueSlots;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maple's single writer of execution rows. Every status change is a compare-and-set against the
 * state machine plus a history row, in one transaction; a terminal status can never be left.
 */
@Service
public class ExecutionStore {

    private final ExecutionMapper executions;
    private final ExecutionExtInfoMapper extInfos;
    private final StatusHistoryMapper history;
    private final QueueSlots slots;
    private final Clock clock;

    public ExecutionStore(ExecutionMapper executions, ExecutionExtInfoMapper extInfos, StatusHistoryMapper history,
                          QueueSlots slots, Clock clock) {
        this.executions = executions;
        this.extInfos = extInfos;
        this.history = history;
        this.slots = slots;
        this.clock = clock;
    }

    /**
     * Inserts a new execution in CREATED with its ext info and first history row. A duplicate
     * (from app, unique id) raises Spring's {@code DuplicateKeyException} and writes nothing.
     */
    @Transactional
    public ExecutionRecord create(ExecutionRecord draft, String configuration, String extInfo, String source) {
        Instant now = now();
        GeneratedId key = new GeneratedId();
        executions.insert(created(null, draft, now), key);
        long id = key.getId();
        extInfos.insert(new ExecutionExtInfoRecord(id, configuration, extInfo, null, now, now));
        history.insert(new StatusHistoryRecord(null, id, null, ExecutionStatus.CREATED, "submitted", source, now));
        // the row as written (no read back: every column is known, and the clock is at the column's precision)
        return created(id, draft, now);
    }

    /** A new row in CREATED from the submitted draft. */
    private static ExecutionRecord created(Long id, ExecutionRecord draft, Instant now) {
        return new ExecutionRecord(id, draft.uniqueId(), draft.execName(), draft.execComment(), draft.fromApp(),
                draft.cluster(), draft.clusterQueue(), draft.engineCategory(), draft.engineVersion(), draft.priority(),
                ExecutionStatus.CREATED, draft.execGroup(), draft.execUser(), draft.webhooks(), draft.requestType(),
                draft.execType(), draft.rerunOf(), null, null, null, now, now, 0L);
    }

    /** Applies a transition if the row's current status allows it; records it in history when it wins. */
    @Transactional
    public TransitionOutcome transition(StatusTransition t) {
        return transition(t, t.execInfo() == null ? null : current -> t.execInfo());
    }

    /**
     * As {@link #transition(StatusTransition)}, with exec_info rewritten from its current value
     * when the transition wins ({@code execInfo} returns the new document, or null to keep it), in
     * the same transaction. Four statements when it wins, one when it does not: the row's status,
     * locked; the compare-and-set; the history row; exec_info, read locked and written.
     */
    @Transactional
    public TransitionOutcome transition(StatusTransition t, UnaryOperator<String> execInfo) {
        Set<ExecutionStatus> from = EnumSet.noneOf(ExecutionStatus.class);
        from.addAll(ExecutionStatus.predecessorsOf(t.to()));
        if (t.expectedFrom() != null) {
            from.retainAll(t.expectedFrom());
        }
        ExecutionStatus before = executions.lockStatus(t.executionId());
        if (before == null) {
            throw new ExecutionNotFoundException(t.executionId());
        }
        if (!from.contains(before)) {
            return new TransitionOutcome(false, before, before);
        }
        Instant now = now();
        // the row is locked, so this cannot lose; it stays the one statement that writes a status
        if (executions.compareAndSetStatus(t.executionId(), from, t.to(), t.to().isTerminal(), now) == 0) {
            ExecutionStatus current = executions.lockStatus(t.executionId());
            return new TransitionOutcome(false, current, current);
        }
        history.insert(new StatusHistoryRecord(null, t.executionId(), before, t.to(), truncate(t.reason()),
                t.source(), now));
        if (before == ExecutionStatus.ACCEPTED && t.to().isTerminal()) {
            // stopped while queued: it leaves the line with its status change, so it can never be granted
            slots.withdrawWaiting(t.executionId());
        }
        if (execInfo != null) {
            String next = execInfo.apply(extInfos.lockExecInfo(t.executionId()));
            if (next != null) {
                extInfos.updateExecInfo(t.executionId(), next, now);
            }
        }
        return new TransitionOutcome(true, before, t.to());
    }

    public ExecutionRecord find(long id) {
        return executions.findById(id);
    }

    public ExecutionRecord require(long id) {
        ExecutionRecord found = executions.findById(id);
        if (found == null) {
            throw new ExecutionNotFoundException(id);
        }
        return found;
    }

    public ExecutionRecord findByAppAndUniqueId(String fromApp, String uniqueId) {
        return executions.findByAppAndUniqueId(fromApp, uniqueId);
    }

    public ExecutionExtInfoRecord extInfo(long id) {
        return extInfos.findByExecutionId(id);
    }

    public List<StatusHistoryRecord> history(long id) {
        return history.findByExecutionId(id);
    }

    public List<ExecutionRecord> search(ExecutionQuery query) {
        return executions.search(query);
    }

    public long count(ExecutionQuery query) {
        return executions.count(query);
    }

    public void updateExecInfo(long id, String execInfo) {
        extInfos.updateExecInfo(id, execInfo, now());
    }

    public void recordHeartbeat(long id) {
        executions.touchHeartbeat(id, now());
    }

    /** The columns are datetime(6): what is written is what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String truncate(String reason) {
        if (reason == null || reason.length() <= 2048) {
            return reason;
        }
        return reason.substring(0, 2045) + "...";
    }
}
