package io.maple.persistence.execution;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for {@code maple_engine_execution_status_history}. Rows are only ever appended. */
@Mapper
public interface StatusHistoryMapper {

    @Insert("INSERT INTO maple_engine_execution_status_history (execution_id, from_status, to_status, reason, source,"
            + " create_time) VALUES (#{r.executionId}, #{r.fromStatus}, #{r.toStatus}, #{r.reason}, #{r.source},"
            + " #{r.createTime})")
    int insert(@Param("r") StatusHistoryRecord record);

    @Select("SELECT id, execution_id, from_status, to_status, reason, source, create_time"
            + " FROM maple_engine_execution_status_history WHERE execution_id = #{id} ORDER BY id")
    List<StatusHistoryRecord> findByExecutionId(@Param("id") long executionId);
}
