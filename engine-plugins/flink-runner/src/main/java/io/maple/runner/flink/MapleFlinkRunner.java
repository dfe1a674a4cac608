package io.maple.runner.flink;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

/**
 * The program {@code flink run} starts for Maple's sql and data_calc jobs. Its only argument is the
 * job, {@code --job-base64 <base64 of JSON>} (what Maple renders) or {@code --job-file <path>}:
 * <pre>{"type": "sql", "sql": "..."} | {"type": "data_calc", "pipeline": {...}}</pre>
 * where the inline text may instead be a {@code "file"} read through Flink's file systems. Jobs run
 * in batch mode unless {@code "mode": "streaming"}; the program waits for every insert, so a failing
 * job fails the Flink job. JSON is read with the Jackson that Flink itself ships (shaded), since a
 * Flink distribution has no plain Jackson in lib/.
 */
public final class MapleFlinkRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MapleFlinkRunner() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode job = readJob(args);
        EnvironmentSettings.Builder settings = EnvironmentSettings.newInstance();
        if ("streaming".equals(job.path("mode").asText())) {
            settings.inStreamingMode();
        } else {
            settings.inBatchMode();
        }
        TableEnvironment tables = TableEnvironment.create(settings.build());
        String type = job.path("type").asText();
        switch (type) {
            case "sql" -> SqlJob.run(tables, text(job, "sql"));
            case "data_calc" -> DataCalcJob.run(tables, job.has("pipeline")
                    ? job.get("pipeline") : JSON.readTree(text(job, "pipeline")));
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
        throw new IllegalArgumentException("usage: MapleFlinkRunner --job-base64 <base64 json> | --job-file <path>");
    }

    private static String text(JsonNode job, String key) throws IOException {
        if (job.hasNonNull(key)) {
            return job.get(key).asText();
        }
        if (!job.hasNonNull("file")) {
            throw new IllegalArgumentException("the job has neither " + key + " nor file");
        }
        Path path = new Path(job.get("file").asText());
        FileSystem fs = path.getFileSystem();
        try (FSDataInputStream in = fs.open(path)) {
            return readAll(in);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
