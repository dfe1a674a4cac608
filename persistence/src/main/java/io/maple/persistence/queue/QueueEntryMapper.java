package io.maple.persistence.queue;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for {@code maple_queue_gate} and {@code maple_queue_entry}; {@link QueueSlots} holds the rules. */
@Mapper
public interface QueueEntryMapper {

    String COLUMNS = "execution_id, cluster, cluster_queue, priority, state, enter_time, grant_time";

    @Insert("INSERT IGNORE INTO maple_queue_gate (cluster, cluster_queue, create_time)"
            + " VALUES (#{cluster}, #{clusterQueue}, #{now})")
    int ensureGate(@Param("cluster") String cluster, @Param("clusterQueue") String clusterQueue,
                   @Param("now") Instant now);

    /**
     * Serialises every change of one cluster queue: held until the transaction ends. Answers the
     * limit it last recorded (-1 when none), null when the queue has no gate yet.
     */
    @Select("SELECT COALESCE(queue_limit, -1) FROM maple_queue_gate WHERE cluster = #{cluster}"
            + " AND cluster_queue = #{clusterQueue} FOR UPDATE")
    Integer lockGate(@Param("cluster") String cluster, @Param("clusterQueue") String clusterQueue);

    @Update("UPDATE maple_queue_gate SET queue_limit = #{limit} WHERE cluster = #{cluster}"
            + " AND cluster_queue = #{clusterQueue}")
    int recordLimit(@Param("cluster") String cluster, @Param("clusterQueue") String clusterQueue,
                    @Param("limit") int limit);

    @Select("SELECT cluster, cluster_queue, queue_limit FROM maple_queue_gate ORDER BY cluster, cluster_queue")
    List<QueueGateRecord> gates();

    @Select("SELECT g.cluster, g.cluster_queue, g.queue_limit FROM maple_queue_gate g WHERE EXISTS (SELECT 1"
            + " FROM maple_queue_entry e WHERE e.cluster = g.cluster AND e.cluster_queue = g.cluster_queue"
            + " AND e.state = 'WAITING') ORDER BY g.cluster, g.cluster_queue")
    List<QueueGateRecord> gatesWithWaiters();

    /** Waiters served before this one: lower priority value, or the same one and submitted earlier. */
    @Select("SELECT COUNT(*) FROM maple_queue_entry WHERE cluster = #{e.cluster} AND cluster_queue = #{e.clusterQueue}"
            + " AND state = 'WAITING' AND (priority < #{e.priority} OR (priority = #{e.priority}"
            + " AND execution_id < #{e.executionId}))")
    long countAhead(@Param("e") QueueEntryRecord entry);

    /** The waiters of one queue in grant order. */
    @Select("SELECT execution_id FROM maple_queue_entry WHERE cluster = #{cluster} AND cluster_queue = #{clusterQueue}"
            + " AND state = 'WAITING' ORDER BY priority, execution_id LIMIT #{n}")
    List<Long> line(@Param("cluster") String cluster, @Param("clusterQueue") String clusterQueue, @Param("n") int n);

    /** Joins the line; a repeat (a retried activity) keeps the row it made. */
    @Insert("INSERT IGNORE INTO maple_queue_entry (" + COLUMNS + ") VALUES (#{e.executionId}, #{e.cluster},"
            + " #{e.clusterQueue}, #{e.priority}, #{e.state}, #{e.enterTime}, #{e.grantTime})")
    int enter(@Param("e") QueueEntryRecord entry);

    /** Holds a slot whatever the limit: a resumed execution that was launched already. */
    @Insert("INSERT INTO maple_queue_entry (" + COLUMNS + ") VALUES (#{e.executionId}, #{e.cluster},"
            + " #{e.clusterQueue}, #{e.priority}, 'HOLDING', #{e.enterTime}, #{e.enterTime})"
            + " ON DUPLICATE KEY UPDATE state = 'HOLDING', grant_time = COALESCE(grant_time, VALUES(grant_time))")
    int hold(@Param("e") QueueEntryRecord entry);

    @Select("SELECT COUNT(*) FROM maple_queue_entry WHERE cluster = #{cluster} AND cluster_queue = #{clusterQueue}"
            + " AND state = 'HOLDING'")
    int countHolding(@Param("cluster") String cluster, @Param("clusterQueue") String clusterQueue);

    /** The next waiters in grant order, locked for the grant (the gate is held already). */
    @Select("SELECT execution_id FROM maple_queue_entry WHERE cluster = #{cluster} AND cluster_queue = #{clusterQueue}"
            + " AND state = 'WAITING' ORDER BY priority, execution_id LIMIT #{n} FOR UPDATE")
    List<Long> headOfLine(@Param("cluster") String cluster, @Param("clusterQueue") String clusterQueue,
                          @Param("n") int n);

    @Update("<script>UPDATE maple_queue_entry SET state = 'HOLDING', grant_time = #{now} WHERE state = 'WAITING'"
            + " AND execution_id IN <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}"
            + "</foreach></script>")
    int grant(@Param("ids") List<Long> ids, @Param("now") Instant now);

    @Select("SELECT " + COLUMNS + " FROM maple_queue_entry WHERE execution_id = #{id}")
    QueueEntryRecord find(@Param("id") long executionId);

    @Delete("DELETE FROM maple_queue_entry WHERE execution_id = #{id}")
    int delete(@Param("id") long executionId);

    @Delete("DELETE FROM maple_queue_entry WHERE execution_id = #{id} AND state = 'WAITING'")
    int deleteWaiting(@Param("id") long executionId);

    /** Holders granted before a time with their execution's status, a page at a time by execution id. */
    @Select("SELECT q.execution_id, q.cluster, q.cluster_queue, q.grant_time, e.status FROM maple_queue_entry q"
            + " LEFT JOIN maple_engine_execution e ON e.id = q.execution_id WHERE q.state = 'HOLDING'"
            + " AND q.execution_id > #{after} AND q.grant_time < #{before} ORDER BY q.execution_id LIMIT #{limit}")
    List<QueueHolder> holdersAfter(@Param("after") long afterId, @Param("before") Instant before,
                                   @Param("limit") int limit);

    @Select("SELECT cluster, cluster_queue, state, priority, COUNT(*) AS count, MIN(enter_time) AS oldest_enter"
            + " FROM maple_queue_entry GROUP BY cluster, cluster_queue, state, priority"
            + " ORDER BY cluster, cluster_queue, state, priority")
    List<QueueLoad> load();
}
