package io.maple.persistence.execution;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for {@code maple_engine_execution_ext_info}. */
@Mapper
public interface ExecutionExtInfoMapper {

    @Insert("INSERT INTO maple_engine_execution_ext_info (execution_id, configuration, ext_info, exec_info,"
            + " create_time, update_time) VALUES (#{r.executionId}, #{r.configuration}, #{r.extInfo}, #{r.execInfo},"
            + " #{r.createTime}, #{r.updateTime})")
    int insert(@Param("r") ExecutionExtInfoRecord record);

    @Select("SELECT execution_id, configuration, ext_info, exec_info, create_time, update_time"
            + " FROM maple_engine_execution_ext_info WHERE execution_id = #{id}")
    ExecutionExtInfoRecord findByExecutionId(@Param("id") long executionId);

    /** exec_info alone, locked until the transaction ends (the observers write it too: no lost update). */
    @Select("SELECT exec_info FROM maple_engine_execution_ext_info WHERE execution_id = #{id} FOR UPDATE")
    String lockExecInfo(@Param("id") long executionId);

    @Update("UPDATE maple_engine_execution_ext_info SET exec_info = #{execInfo}, update_time = #{now}"
            + " WHERE execution_id = #{id}")
    int updateExecInfo(@Param("id") long executionId, @Param("execInfo") String execInfo, @Param("now") Instant now);

    @Update("UPDATE maple_engine_execution_ext_info SET ext_info = #{extInfo}, update_time = #{now}"
            + " WHERE execution_id = #{id}")
    int updateExtInfo(@Param("id") long executionId, @Param("extInfo") String extInfo, @Param("now") Instant now);
}
