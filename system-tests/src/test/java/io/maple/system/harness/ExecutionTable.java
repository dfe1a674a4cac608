package io.maple.system.harness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What MySQL says about executions, read with plain JDBC: the final word of every fault test.
 * Reads fail with {@link SQLException} while the database is down; callers that poll retry.
 */
public final class ExecutionTable {

    /** The statuses no transition leaves (ExecutionStatus.isTerminal, restated: no domain on this classpath). */
    public static final Set<String> TERMINAL = Set.of("START_FAILED", "SUCCEED", "FAILED", "KILLED", "CANCELED");

    private final PrivateMariaDb database;
    private final String schema;

    ExecutionTable(PrivateMariaDb database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    /**
     * Inserts {@code count} executions that already ended (SUCCEED, on a cluster nobody serves), in one
     * statement: a table the size of a busy day, which nothing will pick up and run.
     */
    public void insertEnded(String fromApp, int count) throws SQLException {
        try (Connection c = database.connect(schema);
             PreparedStatement limit = c.prepareStatement("SET SESSION max_recursive_iterations = ?");
             PreparedStatement s = c.prepareStatement("INSERT INTO maple_engine_execution (unique_id, exec_name,"
                     + " from_app, cluster, cluster_queue, engine_category, engine_version, priority, status, exec_group,"
                     + " exec_user, start_time, end_time, create_time, update_time) WITH RECURSIVE n(i) AS"
                     + " (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT CONCAT('bulk-', i),"
                     + " CONCAT('bulk_', i), ?, 'bulk', 'default', 'SPARK', '3.5.5', 3, 'SUCCEED', 'g', 'u',"
                     + " NOW(6), NOW(6), NOW(6), NOW(6) FROM n")) {
            limit.setInt(1, count + 1);
            limit.execute();
            s.setInt(1, count);
            s.setString(2, fromApp);
            s.executeUpdate();
        }
    }

    /**
     * The queue table's holders of the queues whose name starts with {@code queuePrefix}: execution id ->
     * {when it joined the line, when it was granted}, in microseconds on the database's clock.
     */
    public Map<Long, long[]> queueHolders(String queuePrefix) throws SQLException {
        Map<Long, long[]> holders = new TreeMap<>();
        try (Connection c = database.connect(schema);
             PreparedStatement s = c.prepareStatement("SELECT execution_id, TIMESTAMPDIFF(MICROSECOND, '2000-01-01',"
                     + " enter_time), TIMESTAMPDIFF(MICROSECOND, '2000-01-01', grant_time) FROM maple_queue_entry"
                     + " WHERE cluster_queue LIKE ? AND state = 'HOLDING'")) {
            s.setString(1, queuePrefix + "%");
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    holders.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return holders;
    }

    /** Entries (holding or waiting) left in the queue table for the queues whose name starts with {@code queuePrefix}. */
    public long queueEntries(String queuePrefix) throws SQLException {
        try (Connection c = database.connect(schema);
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM maple_queue_entry WHERE cluster_queue LIKE ?")) {
            s.setString(1, queuePrefix + "%");
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public String status(long id) throws SQLException {
        return statuses(List.of(id)).get(id);
    }

    /** Status per id, in id order. */
    public Map<Long, String> statuses(Collection<Long> ids) throws SQLException {
        Map<Long, String> result = new TreeMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        try (Connection c = database.connect(schema);
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, status FROM maple_engine_execution WHERE id IN (" + marks + ")")) {
            int i = 1;
            for (long id : ids) {
                s.setLong(i++, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return result;
    }

    /** Every status the execution went through, in order (the status history table). */
    public List<String> history(long id) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = database.connect(schema);
             PreparedStatement s = c.prepareStatement(
                     "SELECT to_status FROM maple_engine_execution_status_history WHERE execution_id = ? ORDER BY id")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }

    /** How many rows carry this (fromApp, uniqueId): the unique key says at most one. */
    public List<Long> idsOf(String fromApp, String uniqueId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = database.connect(schema);
             PreparedStatement s = c.prepareStatement(
                     "SELECT id FROM maple_engine_execution WHERE from_app = ? AND unique_id = ? ORDER BY id")) {
            s.setString(1, fromApp);
            s.setString(2, uniqueId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
