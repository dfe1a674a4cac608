package io.maple.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the reactor left what the system tests run: the api and worker {@code -exec} jars, the
 * Temporal dev server classpath and the Spark/Flink homes of {@code local-stack}.
 *
 * @param root      the repository root (surefire's {@code maple.root})
 * @param testsDir  where stacks put their logs, data and work directories
 */
public record BuildOutputs(Path root, Path testsDir) {

    public static BuildOutputs fromSystemProperties() {
        Path root = Path.of(System.getProperty("maple.root", "..")).toAbsolutePath().normalize();
        Path tests = Path.of(System.getProperty("maple.system-tests.dir",
                root.resolve("system-tests/target/system-tests").toString())).toAbsolutePath().normalize();
        return new BuildOutputs(root, tests);
    }

    public Path workerJar() {
        return execJar("worker", "maple-worker-");
    }

    public Path apiJar() {
        return execJar("api", "maple-api-");
    }

    /** The crash points the api runs with in these tests (never in the shipped api jar). */
    public Path faultPointsJar() {
        return jar("fault-points", "maple-fault-points-*.jar");
    }

    /** TemporalDevServer's classes, then its dependencies. */
    public String temporalClasspath() {
        Path module = root.resolve("local-stack/temporal-dev-server/target");
        return built(module.resolve("classes")) + java.io.File.pathSeparator
                + read(module.resolve("classpath.txt")).trim();
    }

    public Path sparkHome() {
        return built(root.resolve("local-stack/spark-home/target/spark-home"));
    }

    public Path flinkHome() {
        return built(root.resolve("local-stack/flink-home/target/flink-home"));
    }

    public Path examplesJar() {
        return built(root.resolve("local-stack/examples/target/maple-examples.jar"));
    }

    private Path execJar(String module, String prefix) {
        return jar(module, prefix + "*-exec.jar");
    }

    private Path jar(String module, String glob) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(root.resolve(module).resolve("target"), glob)) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            // reported below
        }
        throw notBuilt(root.resolve(module).resolve("target").resolve(glob));
    }

    private static Path built(Path path) {
        if (!Files.exists(path)) {
            throw notBuilt(path);
        }
        return path;
    }

    private static String read(Path file) {
        try {
            return Files.readString(built(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException notBuilt(Path path) {
        return new IllegalStateException(path + " is missing: build with ./mvnw -pl system-tests -am verify "
                + "(the reactor packages api, worker and local-stack first)");
    }
}
