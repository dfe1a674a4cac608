package io.maple.system.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in Spark home for fault tests that need many short executions: its {@code bin/spark-submit}
 * records every launch in the stack's launch log, sleeps and exits with a given code, in
 * milliseconds of CPU instead of a Spark JVM's seconds. Maple renders, launches, adopts, observes
 * and kills it exactly as it does real Spark on the LOCAL cluster; only the job is cheap. It is
 * registered as its own Spark version so real Spark stays on the same cluster.
 */
public final class LightSpark {

    /** The engine version the stand-in is registered under on the {@code local} cluster. */
    public static final String VERSION = "3.0.0";

    private LightSpark() {
    }

    /** Writes the home under {@code dir}; returns it. */
    static Path create(Path dir) {
        Path bin = dir.resolve("bin");
        try (InputStream script = LightSpark.class.getResourceAsStream("light-spark-submit.sh")) {
            Files.createDirectories(bin);
            Path submit = bin.resolve("spark-submit");
            Files.copy(script, submit, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A submission of a light job: {@code key} names it in the launch log (use the uniqueId), it runs
     * {@code seconds} and exits with {@code exitCode}.
     */
    public static Map<String, Object> job(String uniqueId, int seconds, int exitCode) {
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("uniqueId", uniqueId);
        submission.put("execName", "light_" + uniqueId);
        submission.put("fromApp", "system-tests");
        submission.put("cluster", MapleStack.LOCAL_CLUSTER);
        submission.put("clusterQueue", "default");
        submission.put("engineCategory", "spark");
        submission.put("engineVersion", VERSION);
        submission.put("priority", 1);
        submission.put("group", "maple");
        submission.put("user", "system-tests");
        submission.put("job", Map.of("runType", "jar", "jobConf", Map.of(
                "mainFile", "light.jar", "mainClass", "Light",
                "args", uniqueId + " " + seconds + " " + exitCode)));
        return submission;
    }
}
