package io.maple.persistence.webhook;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for {@code maple_webhook_attempt}. */
@Mapper
public interface WebhookAttemptMapper {

    String COLUMNS = "id, execution_id, delivery_id, url, new_status, attempt, http_status, error, create_time";

    @Insert("INSERT INTO maple_webhook_attempt (execution_id, delivery_id, url, new_status, attempt, http_status,"
            + " error, create_time) VALUES (#{a.executionId}, #{a.deliveryId}, #{a.url}, #{a.newStatus},"
            + " #{a.attempt}, #{a.httpStatus}, #{a.error}, #{a.createTime})")
    int insert(@Param("a") WebhookAttemptRecord attempt);

    @Select("SELECT " + COLUMNS + " FROM maple_webhook_attempt WHERE execution_id = #{executionId} ORDER BY id")
    List<WebhookAttemptRecord> findByExecutionId(@Param("executionId") long executionId);
}
