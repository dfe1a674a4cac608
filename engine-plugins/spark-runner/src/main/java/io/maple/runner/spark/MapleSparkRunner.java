package io.maple.runner.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The application spark-submit runs for Maple's sql, scala and data_calc jobs. Its only argument is
 * the job, as {@code --job-base64 <base64 of JSON>} (what Maple renders) or {@code --job-file <path>}:
 * <pre>{"type": "sql", "sql": "..."} | {"type": "scala", "code": "..."} | {"type": "data_calc", "pipeline": {...}}</pre>
 * where the inline text may instead be a file ({@code "file": "hdfs:///..."}) read through Hadoop.
 * A failing statement throws, so the driver exits non-zero and the cluster reports the job FAILED.
 */
public final class MapleSparkRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MapleSparkRunner() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode job = readJob(args);
        SparkSession spark = SparkSession.builder().getOrCreate();
        try {
            run(spark, job);
        } finally {
            spark.stop();
        }
    }

    static void run(SparkSession spark, JsonNode job) throws IOException {
        String type = job.path("type").asText();
        switch (type) {
            case "sql" -> SqlJob.run(spark, text(spark, job, "sql"));
            case "scala" -> ScalaJob.run(spark, text(spark, job, "code"));
            case "data_calc" -> DataCalcJob.run(spark, job.has("pipeline")
                    ? job.get("pipeline") : JSON.readTree(text(spark, job, "pipeline")));
            default -> throw new IllegalArgumentException("unknown job type: " + type);
        }
    }

    static JsonNode readJob(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--job-base64")) {
            return JSON.readTree(Base64.getDecoder().decode(args[1]));
        }
        if (args.length == 2 && args[0].equals("--job-file")) {
            return JSON.readTree(new java.io.File(args[1]));
        }
        throw new IllegalArgumentException("usage: MapleSparkRunner --job-base64 <base64 json> | --job-file <path>");
    }

    /** The job's inline text under {@code key}, or the content of its {@code file}. */
    private static String text(SparkSession spark, JsonNode job, String key) throws IOException {
        if (job.hasNonNull(key)) {
            return job.get(key).asText();
        }
        if (!job.hasNonNull("file")) {
            throw new IllegalArgumentException("the job has neither " + key + " nor file");
        }
        Path path = new Path(job.get("file").asText());
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (FSDataInputStream in = fs.open(path)) {
            return readAll(in);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
