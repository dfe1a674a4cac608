package io.maple.engine.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import io.maple.engine.spi.EngineExtInfo;
import io.maple.engine.spi.LaunchRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test requests built from the seed: its spark ext_info and its job configuration shapes. */
final class SparkRequests {

    static final long ID = 42;

    private SparkRequests() {
    }

    /** The seed's spark ext_info, with HADOOP_CONF_DIR filled in as a site would. */
    static EngineExtInfo seedExtInfo() {
        try (InputStream in = SparkRequests.class.getResourceAsStream("/seed-spark-ext-info.json")) {
            EngineExtInfo seed = new ObjectMapper().readValue(in, EngineExtInfo.class);
            Map<String, String> envs = new LinkedHashMap<>(seed.envs());
            envs.put("HADOOP_CONF_DIR", "/etc/hadoop/conf");
            return new EngineExtInfo(envs, seed.forbiddenConfs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String queue(ClusterCategory category) {
        return category == ClusterCategory.K8S ? "etl" : "root.etl";
    }

    static LaunchRequest request(ClusterCategory category, JobConfig job) {
        return request(category, job, defaults());
    }

    static LaunchRequest request(ClusterCategory category, JobConfig job, JobConfig defaults) {
        return request(category, job, defaults, seedExtInfo());
    }

    static LaunchRequest request(ClusterCategory category, JobConfig job, JobConfig defaults, EngineExtInfo extInfo) {
        return new LaunchRequest(ID, "daily report", "scheduler", "c1", category, queue(category), "data",
                "alice", EngineCategory.SPARK, "3.5.5", "/opt/spark-3.5.5", extInfo, defaults, job);
    }

    /** The cluster engine's default conf: the seed's example conf. */
    static JobConfig defaults() {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("spark.hadoop.ipc.client.connect.timeout", 2000);
        conf.put("spark.hadoop.yarn.client.failover-max-attempts", 2);
        return new JobConfig(null, "1g", null, null, "1g", null, null, null, null, null, conf, null, null);
    }

    static JobConfig job(RunType runType) {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("spark.sql.shuffle.partitions", "8");
        return new JobConfig("1", "2g", "3", "2", "4g", "-Dlog.level=info", "/opt/lib/extra.jar",
                runType == RunType.JAR ? "hdfs:///apps/etl.jar,hdfs:///libs/util.jar" : null,
                "hdfs:///conf/app.conf", null, conf, runType, jobConf(runType));
    }

    static Map<String, Object> jobConf(RunType runType) {
        return switch (runType) {
            case JAR -> Map.of("mainClass", "com.example.Etl", "args", "--day 2026-11-25");
            case PY -> Map.of("mainFile", "hdfs:///apps/etl.py", "pyFiles", List.of("hdfs:///apps/lib.zip", "hdfs:///apps/more.egg"),
                    "args", List.of("--day", "2026-11-25"));
            case SQL -> Map.of("sql", "INSERT INTO report SELECT * FROM events WHERE day = '2026-11-25';");
            case SCALA -> Map.of("mainFile", "hdfs:///apps/etl.scala");
            case DATA_CALC -> Map.of("pipeline", Map.of(
                    "sources", List.of(Map.of("name", "events", "format", "parquet", "path", "hdfs:///data/events")),
                    "transforms", List.of(Map.of("name", "daily", "sql", "SELECT day, count(*) AS n FROM events GROUP BY day")),
                    "sinks", List.of(Map.of("from", "daily", "format", "jdbc", "url", "jdbc:mariadb://db:3306/rep",
                            "table", "daily", "mode", "append"))));
        };
    }
}
