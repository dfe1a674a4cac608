package io.maple.persistence.session;

import java.time.Instant;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for {@code maple_console_session}: opened at sign-in, read on each console request, deleted at sign-out. */
@Mapper
public interface ConsoleSessionMapper {

    @Insert("INSERT INTO maple_console_session (token_hash, app, remote_addr, create_time, expire_time)"
            + " VALUES (#{s.tokenHash}, #{s.app}, #{s.remoteAddr}, #{s.createTime}, #{s.expireTime})")
    int insert(@Param("s") ConsoleSessionRecord session);

    /** The session, unless it has expired by {@code now}. */
    @Select("SELECT token_hash, app, remote_addr, create_time, expire_time FROM maple_console_session"
            + " WHERE token_hash = #{tokenHash} AND expire_time > #{now}")
    ConsoleSessionRecord findLive(@Param("tokenHash") String tokenHash, @Param("now") Instant now);

    @Delete("DELETE FROM maple_console_session WHERE token_hash = #{tokenHash}")
    int delete(@Param("tokenHash") String tokenHash);

    @Delete("DELETE FROM maple_console_session WHERE expire_time <= #{now}")
    int deleteExpired(@Param("now") Instant now);
}
