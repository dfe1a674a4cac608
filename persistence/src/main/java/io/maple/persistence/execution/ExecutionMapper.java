package io.maple.persistence.execution;

import io.maple.domain.ExecutionStatus;
import io.maple.persistence.GeneratedId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for {@code maple_engine_execution}. Status is written only through {@link #compareAndSetStatus}. */
@Mapper
public interface ExecutionMapper {

    String COLUMNS = "id, unique_id, exec_name, exec_comment, from_app, cluster, cluster_queue, engine_category,"
            + " engine_version, priority, status, exec_group, exec_user, webhooks, request_type, exec_type, rerun_of,"
            + " start_time, end_time, heartbeat_time, create_time, update_time, version";

    String FILTERS = "<where>"
            + "<if test='q.statuses != null and !q.statuses.isEmpty()'> AND status IN "
            + "<foreach collection='q.statuses' item='s' open='(' separator=',' close=')'>#{s}</foreach></if>"
            + "<if test='q.cluster != null'> AND cluster = #{q.cluster}</if>"
            + "<if test='q.clusterQueue != null'> AND cluster_queue = #{q.clusterQueue}</if>"
            + "<if test='q.fromApp != null'> AND from_app = #{q.fromApp}</if>"
            + "<if test='q.uniqueId != null'> AND unique_id = #{q.uniqueId}</if>"
            + "<if test='q.execGroup != null'> AND exec_group = #{q.execGroup}</if>"
            + "<if test='q.execUser != null'> AND exec_user = #{q.execUser}</if>"
            + "<if test='q.engineCategory != null'> AND engine_category = #{q.engineCategory}</if>"
            + "<if test='q.createdFrom != null'> AND create_time &gt;= #{q.createdFrom}</if>"
            + "<if test='q.createdTo != null'> AND create_time &lt; #{q.createdTo}</if>"
            + "</where>";

    @Insert("INSERT INTO maple_engine_execution (unique_id, exec_name, exec_comment, from_app, cluster, cluster_queue,"
            + " engine_category, engine_version, priority, status, exec_group, exec_user, webhooks, request_type,"
            + " exec_type, rerun_of, create_time, update_time, version) VALUES (#{e.uniqueId}, #{e.execName},"
            + " #{e.execComment}, #{e.fromApp}, #{e.cluster}, #{e.clusterQueue}, #{e.engineCategory},"
            + " #{e.engineVersion}, #{e.priority}, #{e.status}, #{e.execGroup}, #{e.execUser}, #{e.webhooks},"
            + " #{e.requestType}, #{e.execType}, #{e.rerunOf}, #{e.createTime}, #{e.updateTime}, 0)")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    int insert(@Param("e") ExecutionRecord execution, @Param("key") GeneratedId key);

    @Select("SELECT " + COLUMNS + " FROM maple_engine_execution WHERE id = #{id}")
    ExecutionRecord findById(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM maple_engine_execution WHERE from_app = #{fromApp} AND unique_id = #{uniqueId}")
    ExecutionRecord findByAppAndUniqueId(@Param("fromApp") String fromApp, @Param("uniqueId") String uniqueId);

    @Select("<script>SELECT " + COLUMNS + " FROM maple_engine_execution " + FILTERS
            + " ORDER BY create_time DESC, id DESC LIMIT #{q.limit} OFFSET #{q.offset}</script>")
    List<ExecutionRecord> search(@Param("q") ExecutionQuery query);

    @Select("<script>SELECT COUNT(*) FROM maple_engine_execution " + FILTERS + "</script>")
    long count(@Param("q") ExecutionQuery query);

    @Select("<script>SELECT " + COLUMNS + " FROM maple_engine_execution WHERE status IN "
            + "<foreach collection='statuses' item='s' open='(' separator=',' close=')'>#{s}</foreach>"
            + " AND create_time &lt; #{before} ORDER BY id LIMIT #{limit}</script>")
    List<ExecutionRecord> findByStatusCreatedBefore(@Param("statuses") Collection<ExecutionStatus> statuses,
                                                    @Param("before") Instant before, @Param("limit") int limit);

    /** Executions queued or launched, counted per cluster queue, status and priority (the console's queues). */
    @Select("SELECT cluster, cluster_queue, status, priority, COUNT(*) AS count, MIN(update_time) AS oldest_since"
            + " FROM maple_engine_execution"
            + " WHERE status IN ('ACCEPTED', 'STARTING', 'RUNNING', 'UNKNOWN')"
            + " GROUP BY cluster, cluster_queue, status, priority ORDER BY cluster, cluster_queue, status, priority")
    List<QueueCount> countActiveByQueue();

    /** The same, after {@code afterId} in id order: a scan that pages through any number of rows. */
    @Select("<script>SELECT " + COLUMNS + " FROM maple_engine_execution WHERE status IN "
            + "<foreach collection='statuses' item='s' open='(' separator=',' close=')'>#{s}</foreach>"
            + " AND id &gt; #{afterId} AND create_time &lt; #{before} ORDER BY id LIMIT #{limit}</script>")
    List<ExecutionRecord> findByStatusAfterId(@Param("statuses") Collection<ExecutionStatus> statuses,
                                              @Param("afterId") long afterId, @Param("before") Instant before,
                                              @Param("limit") int limit);

    /**
     * The compare-and-set: moves the row to {@code to} only while its status is one of {@code from}.
     * {@code previous_status} is assigned before {@code status} (MySQL assigns left to right), so the
     * row itself records what the write replaced. Returns the number of rows changed: 1 won, 0 lost.
     */
    @Update("<script>UPDATE maple_engine_execution SET previous_status = status, status = #{to},"
            + " version = version + 1, update_time = #{now},"
            + " start_time = CASE WHEN #{to} = 'RUNNING' AND start_time IS NULL THEN #{now} ELSE start_time END,"
            + " end_time = CASE WHEN #{terminal} THEN #{now} ELSE end_time END"
            + " WHERE id = #{id} AND status IN "
            + "<foreach collection='from' item='s' open='(' separator=',' close=')'>#{s}</foreach></script>")
    int compareAndSetStatus(@Param("id") long id, @Param("from") Collection<ExecutionStatus> from,
                            @Param("to") ExecutionStatus to, @Param("terminal") boolean terminal,
                            @Param("now") Instant now);

    /** The row's status, locked until the transaction ends: a transition decides on it and then writes. */
    @Select("SELECT status FROM maple_engine_execution WHERE id = #{id} FOR UPDATE")
    ExecutionStatus lockStatus(@Param("id") long id);

    @Update("UPDATE maple_engine_execution SET heartbeat_time = #{now}, update_time = #{now} WHERE id = #{id}")
    int touchHeartbeat(@Param("id") long id, @Param("now") Instant now);
}
