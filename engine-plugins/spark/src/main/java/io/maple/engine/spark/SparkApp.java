package io.maple.engine.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import io.maple.engine.spi.DataCalcPipelineCheck;
import io.maple.engine.spi.InvalidJobException;
import io.maple.engine.spi.JobConfValues;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What spark-submit runs for a runType: the primary resource, main class, arguments and py files.
 * sql, scala and data_calc run through Maple's runner application, which gets its job as one base64
 * argument (so even a huge SQL text is a single, inert word).
 *
 * @param language the SparkApplication {@code spec.type}: Java, Scala or Python
 */
record SparkApp(String primary, String mainClass, List<String> args, String pyFiles, String language,
                boolean usesRunner) {

    static final String RUNNER_MAIN = "io.maple.runner.spark.MapleSparkRunner";

    /** Linux refuses a single argument above 128 KiB; stay well below it. */
    private static final int MAX_JOB_ARG = 100_000;

    // sorted keys: the same job always renders the same argument (golden files, dedup by content)
    private static final DataCalcPipelineCheck PIPELINES =
            new DataCalcPipelineCheck(Set.of("csv", "json", "parquet", "orc", "text", "jdbc"), false);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static SparkApp of(JobConfig job, String runnerJar) {
        if (job.runType() == null) {
            throw new InvalidJobException("runType", "runType is required");
        }
        JobConfValues conf = new JobConfValues(job.jobConf());
        return switch (job.runType()) {
            case JAR -> jar(job, conf);
            case PY -> new SparkApp(conf.required("mainFile", "for runType py"), null, conf.args("args"),
                    conf.fileList("pyFiles"), "Python", false);
            case SQL -> runner(runnerJar, "sql", conf, "sql", false);
            case SCALA -> runner(runnerJar, "scala", conf, "code", false);
            case DATA_CALC -> runner(runnerJar, "data_calc", conf, "pipeline", true);
        };
    }

    private static SparkApp jar(JobConfig job, JobConfValues conf) {
        String mainFile = conf.string("mainFile");
        if (mainFile == null && job.jars() != null && !job.jars().isBlank()) {
            // The seed's jar job has no mainFile: then the first of `jars` is the application jar.
            mainFile = job.jars().split(",")[0].strip();
        }
        if (mainFile == null) {
            throw new InvalidJobException("jobConf.mainFile", "runType jar needs jobConf.mainFile (or jars)");
        }
        return new SparkApp(mainFile, conf.required("mainClass", "for runType jar"), conf.args("args"), null,
                "Java", false);
    }

    private static SparkApp runner(String runnerJar, String type, JobConfValues conf, String inlineKey,
                                   boolean inlineIsObject) {
        Map<String, Object> runnerJob = new LinkedHashMap<>();
        runnerJob.put("type", type);
        boolean inline = conf.has(inlineKey);
        boolean file = conf.has("mainFile");
        if (inline == file) {
            throw new InvalidJobException("jobConf." + inlineKey,
                    "give exactly one of jobConf." + inlineKey + " and jobConf.mainFile for runType " + type);
        }
        if (file) {
            runnerJob.put("file", conf.string("mainFile"));
        } else if (inlineIsObject) {
            Object pipeline = conf.raw(inlineKey);
            if (!(pipeline instanceof Map<?, ?> map)) {
                throw new InvalidJobException("jobConf." + inlineKey, "jobConf." + inlineKey + " must be an object");
            }
            PIPELINES.check(map);
            runnerJob.put(inlineKey, pipeline);
        } else {
            runnerJob.put(inlineKey, conf.string(inlineKey));
        }
        String encoded;
        try {
            encoded = Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(runnerJob));
        } catch (JsonProcessingException e) {
            throw new InvalidJobException("jobConf", "jobConf cannot be serialized: " + e.getOriginalMessage());
        }
        if (encoded.length() > MAX_JOB_ARG) {
            throw new InvalidJobException("jobConf." + inlineKey,
                    "jobConf." + inlineKey + " is too large to inline; put it in a file and give jobConf.mainFile");
        }
        List<String> args = new ArrayList<>(List.of("--job-base64", encoded));
        return new SparkApp(runnerJar, RUNNER_MAIN, args, null, "Java", true);
    }
}
