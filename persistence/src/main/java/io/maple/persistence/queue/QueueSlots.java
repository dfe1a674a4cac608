package io.maple.persistence.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The launch slots of every cluster queue, kept in MySQL so any number of workers share one limit.
 * Each change locks its queue's gate row first, so grants of one queue are serial and the limit is
 * never exceeded; waiters are granted lower priority value first, then in submission order (the
 * execution id). Every method is idempotent: a retried local activity may run it twice. A queue's
 * gate row is created on its own, before the transaction that locks it: two transactions that both
 * found it missing with a locking read hold gap locks that block each other's insert (a deadlock).
 */
@Service
public class QueueSlots {

    private final QueueEntryMapper entries;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** Gates known to exist (they are never deleted): the common path skips the existence check. */
    private final Set<List<String>> knownGates = ConcurrentHashMap.newKeySet();

    public QueueSlots(QueueEntryMapper entries, PlatformTransactionManager transactions, Clock clock) {
        this.entries = entries;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Joins the queue as a waiter (unless already in it), then grants the head of the line while
     * fewer than {@code limit} hold a slot; says whether this execution holds one now.
     */
    public SlotChange acquire(long executionId, String cluster, String clusterQueue, int priority, int limit) {
        ensureGate(cluster, clusterQueue);
        return transaction.execute(tx -> {
            Integer recorded = lockEnsuredGate(cluster, clusterQueue);
            // read under the gate: a waiter's place in line dates from when it could be seen there; read
            // before, a long wait for the gate would date it before grants that could not see it
            Instant now = now();
            applyLimit(cluster, clusterQueue, recorded, limit);
            boolean joined = entries.enter(new QueueEntryRecord(executionId, cluster, clusterQueue, priority,
                    SlotState.WAITING, now, null)) == 1;
            List<Long> granted = grantFree(cluster, clusterQueue, limit, now);
            // a repeat found its row in place, perhaps granted before: only then is it read back
            boolean holds = joined ? granted.contains(executionId) : holding(entries.find(executionId));
            return new SlotChange(holds, granted.stream().filter(id -> id != executionId).toList());
        });
    }

    /**
     * Leaves the queue, holding or waiting (nothing when not in it), and grants the freed slots to
     * the next waiters; returns those it granted.
     */
    @Transactional
    public List<Long> release(long executionId, String cluster, String clusterQueue, int limit) {
        return regrant(cluster, clusterQueue, limit, executionId);
    }

    /** Holds a slot whatever the limit: a resumed execution that was launched before Temporal forgot it. */
    public void adopt(long executionId, String cluster, String clusterQueue, int priority) {
        ensureGate(cluster, clusterQueue);
        transaction.executeWithoutResult(tx -> {
            lockEnsuredGate(cluster, clusterQueue);
            Instant now = now();
            entries.hold(new QueueEntryRecord(executionId, cluster, clusterQueue, priority, SlotState.HOLDING, now,
                    now));
        });
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

    public boolean holds(long executionId) {
        return holding(entries.find(executionId));
    }

    public QueueEntryRecord entryOf(long executionId) {
        return entries.find(executionId);
    }

    /** 1-based place of a waiting execution (1 = next), 0 when it holds a slot, -1 when not in a queue. */
    public long position(long executionId) {
        QueueEntryRecord entry = entries.find(executionId);
        if (entry == null) {
            return -1;
        }
        return entry.state() == SlotState.HOLDING ? 0 : entries.countAhead(entry) + 1;
    }

    /** The first {@code n} waiters of a queue, in the order they will be granted. */
    public List<Long> line(String cluster, String clusterQueue, int n) {
        return entries.line(cluster, clusterQueue, n);
    }

    /** Every cluster queue that ever had an entry, with the limit its last change applied. */
    public List<QueueGateRecord> gates() {
        return entries.gates();
    }

    /** The cluster queues with someone waiting. */
    public List<QueueGateRecord> gatesWithWaiters() {
        return entries.gatesWithWaiters();
    }

    /**
     * Grants free slots of a queue to its waiters, as a release would: after the limit was raised, or
     * a holder reclaimed. Returns those it granted.
     */
    @Transactional
    public List<Long> topUp(String cluster, String clusterQueue, int limit) {
        return regrant(cluster, clusterQueue, limit, null);
    }

    /** Under the queue's gate: {@code leaving} (if any) leaves, then free slots go to the next waiters. */
    private List<Long> regrant(String cluster, String clusterQueue, int limit, Long leaving) {
        Integer recorded = entries.lockGate(cluster, clusterQueue);
        if (recorded == null) {
            // the queue never had an entry here: the execution was admitted the old way, or not at all
            return List.of();
        }
        applyLimit(cluster, clusterQueue, recorded, limit);
        if (leaving != null) {
            entries.delete(leaving);
        }
        return grantFree(cluster, clusterQueue, limit, now());
    }

    /** Holders granted before {@code before}, after {@code afterId} in id order: the sweep's page. */
    public List<QueueHolder> holders(long afterId, Instant before, int limit) {
        return entries.holdersAfter(afterId, before, limit);
    }

    /** Per cluster queue, state and priority: how many, and the oldest entry. */
    public List<QueueLoad> load() {
        return entries.load();
    }

    /**
     * Creates the queue's gate when missing, in a statement of its own: outside any transaction, so
     * a caller that acquires inside a transaction of its own ({@link Admission}) calls it first.
     */
    void ensureGate(String cluster, String clusterQueue) {
        List<String> gate = List.of(cluster, clusterQueue);
        // known only once its insert is committed: a caller that skipped it must find the row to lock
        if (!knownGates.contains(gate)) {
            entries.ensureGate(cluster, clusterQueue, now());
            knownGates.add(gate);
        }
    }

    /** Locks a gate {@link #ensureGate} made; its limit as recorded. */
    private Integer lockEnsuredGate(String cluster, String clusterQueue) {
        Integer recorded = entries.lockGate(cluster, clusterQueue);
        if (recorded == null) {
            // the database lost it (restored, or recreated under a running worker): made again on the retry
            knownGates.remove(List.of(cluster, clusterQueue));
            throw new IllegalStateException("no gate row for cluster queue " + cluster + "/" + clusterQueue);
        }
        return recorded;
    }

    /** Keeps the worker's configured limit on the gate, where the api (which does not read it) shows it. */
    private void applyLimit(String cluster, String clusterQueue, int recorded, int limit) {
        if (recorded != limit) {
            entries.recordLimit(cluster, clusterQueue, limit);
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

    private static boolean holding(QueueEntryRecord entry) {
        return entry != null && entry.state() == SlotState.HOLDING;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
