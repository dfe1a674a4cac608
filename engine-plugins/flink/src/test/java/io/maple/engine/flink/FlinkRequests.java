package io.maple.engine.flink;

import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import io.maple.engine.spi.EngineExtInfo;
import io.maple.engine.spi.LaunchRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test requests shaped like the seed's flink ext_info and job configurations. */
final class FlinkRequests {

    /** The seed's flink ext_info (its JSON has a trailing comma, so it is written out here). */
    static final EngineExtInfo SEED_EXT_INFO = new EngineExtInfo(Map.of("HADOOP_CLASSPATH",
            "/opt/hadoop/current/etc/hadoop:/opt/hadoop/current/share/hadoop/common/lib/*:/opt/hadoop/current/share/hadoop/common/*"),
            List.of());

    /**
     * The seed's ext_info with forbidden confs: Flink 1.20's deprecated {@code env.java.opts} moved onto
     * {@code env.java.opts.all}, the queue onto the queue key, and a checkpoint directory refused outright.
     */
    static final EngineExtInfo FORBIDDING_EXT_INFO = new EngineExtInfo(SEED_EXT_INFO.envs(), List.of(
            new EngineExtInfo.ForbiddenConf("env.java.opts", "env.java.opts.all", "JVM options"),
            new EngineExtInfo.ForbiddenConf("yarn.queue", "yarn.application.queue", "YARN queue"),
            new EngineExtInfo.ForbiddenConf("state.checkpoints.dir", null, "checkpoints go where the platform keeps them")));

    private FlinkRequests() {
    }

    static String queue(ClusterCategory category) {
        return category == ClusterCategory.K8S ? "streams" : "root.streams";
    }

    static LaunchRequest request(ClusterCategory category, JobConfig job) {
        return request(category, job, SEED_EXT_INFO);
    }

    static LaunchRequest request(ClusterCategory category, JobConfig job, EngineExtInfo extInfo) {
        return new LaunchRequest(43, "click stream", "scheduler", "c2", category, queue(category), "data",
                "bob", EngineCategory.FLINK, "1.20.1", "/opt/flink-1.20.1", extInfo, defaults(), job);
    }

    static JobConfig defaults() {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("taskmanager.memory.process.size", "2048m");
        return new JobConfig(null, null, null, null, null, null, null, null, null, null, conf, null, null);
    }

    static JobConfig job(RunType runType) {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("parallelism.default", 2);
        return new JobConfig(null, null, null, null, null, null, null, null, null, null, conf, runType,
                jobConf(runType));
    }

    static Map<String, Object> jobConf(RunType runType) {
        return switch (runType) {
            case JAR -> Map.of("mainFile", "hdfs:///apps/clicks.jar", "mainClass", "com.example.Clicks",
                    "args", "--window 5m");
            case PY -> Map.of("mainFile", "hdfs:///apps/clicks.py", "pyFiles", "hdfs:///apps/deps.zip",
                    "args", List.of("--window", "5m"));
            case SQL -> Map.of("mainFile", "hdfs:///apps/clicks.sql");
            case DATA_CALC -> Map.of("mainFile", "hdfs:///apps/clicks-pipeline.json");
            case SCALA -> Map.of("mainFile", "hdfs:///apps/clicks.scala");
        };
    }
}
