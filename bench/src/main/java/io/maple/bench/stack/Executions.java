package io.maple.bench.stack;

import io.maple.domain.ExecutionStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the benchmarks read back from MySQL about the executions they submitted. */
public final class Executions {

    private final JdbcTemplate jdbc;

    public Executions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Executions of {@code queue} that reached one of {@code statuses} (current status). */
    public long countIn(String queue, ExecutionStatus... statuses) {
        String in = String.join(",", Arrays.stream(statuses).map(s -> "'" + s.name() + "'").toList());
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM maple_engine_execution WHERE cluster_queue = ? AND status IN ("
                + in + ")", Long.class, queue);
        return n == null ? 0 : n;
    }

    public long terminalIn(String queue) {
        return countIn(queue, Arrays.stream(ExecutionStatus.values()).filter(ExecutionStatus::isTerminal)
                .toArray(ExecutionStatus[]::new));
    }

    /** Ids of the executions of {@code queue} not yet in a terminal status. */
    public List<Long> notTerminalIn(String queue) {
        String in = String.join(",", Arrays.stream(ExecutionStatus.values()).filter(ExecutionStatus::isTerminal)
                .map(s -> "'" + s.name() + "'").toList());
        return jdbc.queryForList("SELECT id FROM maple_engine_execution WHERE cluster_queue = ? AND status NOT IN ("
                + in + ")", Long.class, queue);
    }

    /** Waits (polling MySQL) until {@code count} executions of {@code queue} have left CREATED; false on timeout. */
    public boolean awaitRegistered(String queue, long count, Duration timeout) throws InterruptedException {
        ExecutionStatus[] registered = Arrays.stream(ExecutionStatus.values())
                .filter(s -> s != ExecutionStatus.CREATED).toArray(ExecutionStatus[]::new);
        return awaitCount(() -> countIn(queue, registered), count, timeout);
    }

    /** Waits (polling MySQL) until {@code count} executions of {@code queue} are terminal; false on timeout. */
    public boolean awaitTerminal(String queue, long count, Duration timeout) throws InterruptedException {
        return awaitCount(() -> terminalIn(queue), count, timeout);
    }

    private static boolean awaitCount(java.util.function.LongSupplier current, long count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (current.getAsLong() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /**
     * Time from each execution's CREATED history row (written by the insert) to its {@code to}
     * row, in nanoseconds, for the executions of {@code ids} that got there.
     */
    public long[] timesToStatus(List<Long> ids, ExecutionStatus to) {
        long min = ids.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = ids.stream().mapToLong(Long::longValue).max().orElse(-1);
        List<Long> micros = jdbc.queryForList("SELECT TIMESTAMPDIFF(MICROSECOND, MIN(CASE WHEN to_status = 'CREATED' "
                + "THEN create_time END), MIN(CASE WHEN to_status = ? THEN create_time END)) FROM "
                + "maple_engine_execution_status_history WHERE execution_id BETWEEN ? AND ? GROUP BY execution_id",
                Long.class, to.name(), min, max);
        return micros.stream().filter(m -> m != null).mapToLong(m -> m * 1000).toArray();
    }

    /** Waits until {@code ids.size()} executions among {@code ids} have a {@code to} history row. */
    public boolean awaitReached(List<Long> ids, ExecutionStatus to, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (timesToStatus(ids, to).length < ids.size()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }
}
