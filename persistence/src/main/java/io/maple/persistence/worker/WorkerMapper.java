package io.maple.persistence.worker;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for {@code maple_worker}: each worker upserts its own row; readers want the recent ones. */
@Mapper
public interface WorkerMapper {

    @Insert("INSERT INTO maple_worker (identity, host, task_queues, started_time, heartbeat_time)"
            + " VALUES (#{w.identity}, #{w.host}, #{w.taskQueues}, #{w.startedTime}, #{w.heartbeatTime})"
            + " ON DUPLICATE KEY UPDATE host = VALUES(host), task_queues = VALUES(task_queues),"
            + " started_time = VALUES(started_time), heartbeat_time = VALUES(heartbeat_time)")
    int upsert(@Param("w") WorkerRecord worker);

    @Select("SELECT identity, host, task_queues, started_time, heartbeat_time FROM maple_worker"
            + " WHERE heartbeat_time >= #{since} ORDER BY identity")
    List<WorkerRecord> heardSince(@Param("since") Instant since);

    /** Rows of workers gone long ago (a restarted worker has a new pid, so a new identity). */
    @Delete("DELETE FROM maple_worker WHERE heartbeat_time < #{before}")
    int forgetSilentBefore(@Param("before") Instant before);
}
