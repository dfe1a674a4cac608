package io.maple.persistence.application;

import io.maple.persistence.GeneratedId;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for {@code maple_application}. */
@Mapper
public interface ApplicationMapper {

    String COLUMNS = "id, app_name, access_key_hash, legal_hosts, webhook_hosts, admin, description, create_time,"
            + " update_time";

    @Insert("INSERT INTO maple_application (app_name, access_key_hash, legal_hosts, webhook_hosts, admin, description,"
            + " create_time, update_time) VALUES (#{a.appName}, #{a.accessKeyHash}, #{a.legalHosts},"
            + " #{a.webhookHosts}, #{a.admin}, #{a.description}, #{a.createTime}, #{a.updateTime})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    int insert(@Param("a") ApplicationRecord application, @Param("key") GeneratedId key);

    @Select("SELECT " + COLUMNS + " FROM maple_application WHERE app_name = #{name}")
    ApplicationRecord findByName(@Param("name") String appName);

    @Select("SELECT " + COLUMNS + " FROM maple_application ORDER BY app_name")
    List<ApplicationRecord> findAll();
}
