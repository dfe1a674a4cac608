package io.maple.persistence.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The launch slots of every cluster queue, kept in MySQL so any number of workers share one limit.
 * Each change locks its queue's gate row first, so grants of one queue are serial and the limit is
 * never exceeded; waiters are granted lower priority value first, then in submission order (the
 * execution id). Every method is idempotent: a retried local activity may run it twice.
 */
@Service
public class QueueSlots {

    private final QueueEntryMapper entries;
    private final Clock clock;

    public QueueSlots(QueueEntryMapper entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Joins the queue as a waiter (unless already in it), then grants the head of the line while
     * fewer than {@code limit} hold a slot; says whether this execution holds one now.
     */
    @Transactional
    public SlotChange acquire(long executionId, String cluster, String clusterQueue, int priority, int limit) {
        Instant now = now();
        lockCreatingGate(cluster, clusterQueue, now);
        entries.enter(new QueueEntryRecord(executionId, cluster, clusterQueue, priority, SlotState.WAITING, now, null));
        List<Long> granted = grantFree(cluster, clusterQueue, limit, now);
        QueueEntryRecord own = entries.find(executionId);
        boolean holds = own != null && own.state() == SlotState.HOLDING;
        return new SlotChange(holds, granted.stream().filter(id -> id != executionId).toList());
    }

    /**
     * Leaves the queue, holding or waiting (nothing when not in it), and grants the freed slots to
     * the next waiters; returns those it granted.
     */
    @Transactional
    public List<Long> release(long executionId, String cluster, String clusterQueue, int limit) {
        if (entries.lockGate(cluster, clusterQueue) == 0) {
            // the queue never had an entry here: the execution was admitted the old way, or not at all
            return List.of();
        }
        entries.delete(executionId);
        return grantFree(cluster, clusterQueue, limit, now());
    }

    /** Holds a slot whatever the limit: a resumed execution that was launched before Temporal forgot it. */
    @Transactional
    public void adopt(long executionId, String cluster, String clusterQueue, int priority) {
        Instant now = now();
        lockCreatingGate(cluster, clusterQueue, now);
        entries.hold(new QueueEntryRecord(executionId, cluster, clusterQueue, priority, SlotState.HOLDING, now, now));
    }

    /**
     * Leaves the line if still waiting: called in the transaction that ends an execution stopped
     * while queued, so its row goes with its status change. A granted row stays for its release.
     */
    @Transactional
    public void withdrawWaiting(long executionId) {
        QueueEntryRecord entry = entries.find(executionId);
        if (entry == null || entry.state() != SlotState.WAITING) {
            return;
        }
        entries.lockGate(entry.cluster(), entry.clusterQueue());
        // checked again under the gate: a release may have granted it meanwhile
        entries.deleteWaiting(executionId);
    }

    public QueueEntryRecord entryOf(long executionId) {
        return entries.find(executionId);
    }

    /** Holders granted before {@code before}, after {@code afterId} in id order: the reclaim's page. */
    public List<QueueEntryRecord> holders(long afterId, Instant before, int limit) {
        return entries.holdersAfter(afterId, before, limit);
    }

    /** Per cluster queue, state and priority: how many, and the oldest entry. */
    public List<QueueLoad> load() {
        return entries.load();
    }

    private void lockCreatingGate(String cluster, String clusterQueue, Instant now) {
        // locked first, inserted only when missing: an INSERT IGNORE on an existing row takes a shared
        // lock, and two of those upgrading to the exclusive one would deadlock
        if (entries.lockGate(cluster, clusterQueue) == 0) {
            entries.ensureGate(cluster, clusterQueue, now);
            entries.lockGate(cluster, clusterQueue);
        }
    }

    private List<Long> grantFree(String cluster, String clusterQueue, int limit, Instant now) {
        int free = limit - entries.countHolding(cluster, clusterQueue);
        if (free <= 0) {
            return List.of();
        }
        List<Long> next = entries.headOfLine(cluster, clusterQueue, free);
        if (!next.isEmpty()) {
            entries.grant(next, now);
        }
        return next;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
