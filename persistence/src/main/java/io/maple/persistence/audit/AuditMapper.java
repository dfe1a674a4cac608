package io.maple.persistence.audit;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for {@code maple_audit}; rows are only ever appended. */
@Mapper
public interface AuditMapper {

    @Insert("INSERT INTO maple_audit (actor, action, target, outcome, http_status, detail, remote_addr, create_time)"
            + " VALUES (#{a.actor}, #{a.action}, #{a.target}, #{a.outcome}, #{a.httpStatus}, #{a.detail},"
            + " #{a.remoteAddr}, #{a.createTime})")
    int insert(@Param("a") AuditRecord record);

    @Select("SELECT id, actor, action, target, outcome, http_status, detail, remote_addr, create_time"
            + " FROM maple_audit WHERE actor = #{actor} ORDER BY id DESC LIMIT #{limit}")
    List<AuditRecord> recentByActor(@Param("actor") String actor, @Param("limit") int limit);

    @Select("SELECT id, actor, action, target, outcome, http_status, detail, remote_addr, create_time"
            + " FROM maple_audit ORDER BY id DESC LIMIT #{limit}")
    List<AuditRecord> recent(@Param("limit") int limit);
}
