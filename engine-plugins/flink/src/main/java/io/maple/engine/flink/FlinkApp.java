package io.maple.engine.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.maple.domain.JobConfig;
import io.maple.engine.spi.DataCalcPipelineCheck;
import io.maple.engine.spi.InvalidJobException;
import io.maple.engine.spi.JobConfValues;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Flink runs for a runType. jar: the user's jar; py: a Python program through Flink's
 * PythonDriver; sql and data_calc: Maple's Flink runner with the job as one base64 argument. scala is
 * refused: Flink has no way to run a Scala script (it was never a REPL target since 1.x), so a Scala
 * job must be packaged as a jar.
 */
record FlinkApp(String mainFile, String mainClass, List<String> args, String pyFiles, boolean python) {

    static final String RUNNER_MAIN = "io.maple.runner.flink.MapleFlinkRunner";

    /** Flink's filesystem connector formats and its jdbc connector; sources need a schema on Flink. */
    private static final DataCalcPipelineCheck PIPELINES =
            new DataCalcPipelineCheck(Set.of("csv", "json", "parquet", "orc", "jdbc"), true);

    private static final int MAX_JOB_ARG = 100_000;
    // sorted keys: the same job always renders the same argument (golden files, dedup by content)
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static FlinkApp of(JobConfig job, String runnerJar) {
        if (job.runType() == null) {
            throw new InvalidJobException("runType", "runType is required");
        }
        JobConfValues conf = new JobConfValues(job.jobConf());
        return switch (job.runType()) {
            case JAR -> new FlinkApp(conf.required("mainFile", "for runType jar"), conf.string("mainClass"),
                    conf.args("args"), null, false);
            case PY -> new FlinkApp(conf.required("mainFile", "for runType py"), null, conf.args("args"),
                    conf.fileList("pyFiles"), true);
            case SQL -> runner(runnerJar, "sql", conf, "sql");
            case DATA_CALC -> runner(runnerJar, "data_calc", conf, "pipeline");
            case SCALA -> throw new InvalidJobException("runType", "flink cannot run a Scala script:"
                    + " package it as a jar and submit it with runType jar");
        };
    }

    private static FlinkApp runner(String runnerJar, String type, JobConfValues conf, String inlineKey) {
        Map<String, Object> runnerJob = new LinkedHashMap<>();
        runnerJob.put("type", type);
        boolean inline = conf.has(inlineKey);
        if (inline == conf.has("mainFile")) {
            throw new InvalidJobException("jobConf.mainFile",
                    "give exactly one of jobConf.mainFile and jobConf." + inlineKey + " for runType " + type);
        }
        if (inline) {
            Object value = conf.raw(inlineKey);
            if (type.equals("data_calc") != value instanceof Map<?, ?>) {
                throw new InvalidJobException("jobConf." + inlineKey, "jobConf." + inlineKey + " has the wrong type");
            }
            if (value instanceof Map<?, ?> pipeline) {
                PIPELINES.check(pipeline);
            }
            runnerJob.put(inlineKey, value);
        } else {
            runnerJob.put("file", conf.string("mainFile"));
        }
        String mode = conf.string("mode");
        if (mode != null) {
            if (!mode.equals("batch") && !mode.equals("streaming")) {
                throw new InvalidJobException("jobConf.mode", "jobConf.mode must be batch or streaming");
            }
            runnerJob.put("mode", mode);
        }
        String encoded;
        try {
            encoded = Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(runnerJob));
        } catch (JsonProcessingException e) {
            throw new InvalidJobException("jobConf", "jobConf cannot be serialized: " + e.getOriginalMessage());
        }
        if (encoded.length() > MAX_JOB_ARG) {
            throw new InvalidJobException("jobConf." + inlineKey, "jobConf." + inlineKey + " is too large to inline");
        }
        return new FlinkApp(runnerJar, RUNNER_MAIN, List.of("--job-base64", encoded), null, false);
    }
}
