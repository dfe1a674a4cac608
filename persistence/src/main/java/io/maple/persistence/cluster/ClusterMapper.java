package io.maple.persistence.cluster;

import io.maple.domain.EngineCategory;
import io.maple.persistence.GeneratedId;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for clusters, their engines and the engines' default configuration. */
@Mapper
public interface ClusterMapper {

    String CLUSTER = "id, name, category, config, description, create_time, update_time";
    String ENGINE = "id, cluster_id, engine_category, engine_version, engine_home, ext_info, create_time, update_time";
    String DEFAULT_CONF = "id, cluster_engine_id, configuration, create_time, update_time";

    @Insert("INSERT INTO maple_cluster (name, category, config, description, create_time, update_time)"
            + " VALUES (#{c.name}, #{c.category}, #{c.config}, #{c.description}, #{c.createTime}, #{c.updateTime})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    int insertCluster(@Param("c") ClusterRecord cluster, @Param("key") GeneratedId key);

    @Update("UPDATE maple_cluster SET category = #{c.category}, config = #{c.config}, description = #{c.description},"
            + " update_time = #{c.updateTime} WHERE name = #{c.name}")
    int updateCluster(@Param("c") ClusterRecord cluster);

    @Select("SELECT " + CLUSTER + " FROM maple_cluster WHERE name = #{name}")
    ClusterRecord findClusterByName(@Param("name") String name);

    @Select("SELECT " + CLUSTER + " FROM maple_cluster WHERE id = #{id}")
    ClusterRecord findClusterById(@Param("id") long id);

    @Select("SELECT " + CLUSTER + " FROM maple_cluster ORDER BY name")
    List<ClusterRecord> findAllClusters();

    @Insert("INSERT INTO maple_cluster_engine (cluster_id, engine_category, engine_version, engine_home, ext_info,"
            + " create_time, update_time) VALUES (#{e.clusterId}, #{e.engineCategory}, #{e.engineVersion},"
            + " #{e.engineHome}, #{e.extInfo}, #{e.createTime}, #{e.updateTime})")
    @Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
    int insertEngine(@Param("e") ClusterEngineRecord engine, @Param("key") GeneratedId key);

    @Update("UPDATE maple_cluster_engine SET engine_home = #{e.engineHome}, ext_info = #{e.extInfo},"
            + " update_time = #{e.updateTime} WHERE id = #{e.id}")
    int updateEngine(@Param("e") ClusterEngineRecord engine);

    @Select("SELECT " + ENGINE + " FROM maple_cluster_engine WHERE cluster_id = #{clusterId}"
            + " ORDER BY engine_category, engine_version")
    List<ClusterEngineRecord> findEngines(@Param("clusterId") long clusterId);

    @Select("SELECT " + ENGINE + " FROM maple_cluster_engine WHERE id = #{id}")
    ClusterEngineRecord findEngineById(@Param("id") long id);

    @Select("SELECT " + ENGINE + " FROM maple_cluster_engine WHERE cluster_id = #{clusterId}"
            + " AND engine_category = #{category} AND engine_version = #{version}")
    ClusterEngineRecord findEngine(@Param("clusterId") long clusterId, @Param("category") EngineCategory category,
                                   @Param("version") String version);

    /**
     * One round trip for submit-time validation and rendering: the cluster engine with its cluster
     * and default conf; null when the cluster does not exist or does not have this engine.
     */
    @Select("SELECT c.id AS cluster_id, c.name AS cluster_name, c.category AS cluster_category, e.id AS engine_id,"
            + " e.engine_category, e.engine_version, e.engine_home, e.ext_info AS engine_ext_info,"
            + " d.configuration AS default_configuration FROM maple_cluster c"
            + " JOIN maple_cluster_engine e ON e.cluster_id = c.id"
            + " LEFT JOIN maple_cluster_engine_default_conf d ON d.cluster_engine_id = e.id"
            + " WHERE c.name = #{cluster} AND e.engine_category = #{category} AND e.engine_version = #{version}")
    LaunchTargetRecord findLaunchTarget(@Param("cluster") String clusterName, @Param("category") EngineCategory category,
                                        @Param("version") String version);

    @Insert("INSERT INTO maple_cluster_engine_default_conf (cluster_engine_id, configuration, create_time, update_time)"
            + " VALUES (#{d.clusterEngineId}, #{d.configuration}, #{d.createTime}, #{d.updateTime})"
            + " ON DUPLICATE KEY UPDATE configuration = VALUES(configuration), update_time = VALUES(update_time)")
    int upsertDefaultConf(@Param("d") DefaultConfRecord conf);

    @Select("SELECT " + DEFAULT_CONF + " FROM maple_cluster_engine_default_conf WHERE cluster_engine_id = #{engineId}")
    DefaultConfRecord findDefaultConf(@Param("engineId") long clusterEngineId);
}
