package io.maple.runner.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import io.maple.engine.spi.EngineExtInfo;
import io.maple.engine.spi.EnginePlugins;
import io.maple.engine.spi.LaunchRequest;
import io.maple.engine.spi.LaunchSpec;
import io.maple.engine.spi.PluginSettings;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain on real Spark 3.5.5: the registry finds the Spark plugin, the plugin renders a
 * LOCAL sql launch script, bash runs it, and the engine home's bin/spark-submit (Spark's own
 * SparkSubmit on the Maven jars) runs the runner jar built from this module.
 */
class RenderedScriptRunsOnSparkIT {

    @TempDir
    Path dir;

    @Test
    void aRenderedLocalSqlScriptRunsToTheEndOnSpark() throws Exception {
        Path home = sparkHome();
        Path runnerJar = runnerJar();
        Files.writeString(dir.resolve("people.csv"), "id,name,age\n1,ann,34\n2,bob,12\n3,o'neil,51\n");
        Path out = dir.resolve("adults");
        String sql = "CREATE TEMPORARY VIEW people USING csv OPTIONS (path '" + dir.resolve("people.csv")
                + "', header 'true', inferSchema 'true');\n"
                + "INSERT OVERWRITE DIRECTORY '" + out + "' USING parquet SELECT id, name FROM people WHERE age >= 18";
        JobConfig job = new JobConfig(null, "512m", null, null, null, null, null, null, null, null,
                Map.of("spark.ui.enabled", "false", "spark.sql.shuffle.partitions", "2"), RunType.SQL,
                Map.of("sql", sql));
        LaunchRequest request = new LaunchRequest(77, "e2e sql", "test", "local", ClusterCategory.LOCAL, null,
                "g", "u", EngineCategory.SPARK, "3.5.5", home.toString(), EngineExtInfo.none(), null, job);
        EnginePlugins plugins = EnginePlugins.load(getClass().getClassLoader(),
                new PluginSettings(Map.of("spark.runner-jar", runnerJar.toString())));

        plugins.validate(request);
        LaunchSpec.Script script = (LaunchSpec.Script) plugins.render(request);
        Path file = dir.resolve("launch.sh");
        Files.writeString(file, script.script());
        Process bash = new ProcessBuilder("bash", file.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("launch.log").toFile()).start();
        assertThat(bash.waitFor(180, TimeUnit.SECONDS)).isTrue();

        assertThat(bash.exitValue()).as(Files.readString(dir.resolve("launch.log"))).isZero();
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            List<String> rows = new ArrayList<>();
            for (Row row : spark.read().parquet(out.toString()).orderBy("id").collectAsList()) {
                rows.add(row.get(0) + "|" + row.get(1));
            }
            assertThat(rows).containsExactly("1|ann", "3|o'neil");
        } finally {
            spark.stop();
        }
    }

    /** An engine home whose bin/spark-submit runs Spark's SparkSubmit on the jars of this test's class path. */
    private Path sparkHome() throws IOException {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        String classPath = String.join(File.pathSeparator, Stream.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)).filter(p -> p.endsWith(".jar")).toList());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path submit = bin.resolve("spark-submit");
        Files.writeString(submit, "#!/usr/bin/env bash\n"
                + "exec '" + java + "' " + System.getProperty("maple.spark.opens", "") + " -Xmx768m"
                + " -cp '" + classPath + "' org.apache.spark.deploy.SparkSubmit \"$@\"\n");
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** The runner as spark-submit's primary resource: this module's classes in a jar. */
    private Path runnerJar() throws IOException {
        Path classes = Path.of("target/classes");
        Path jar = dir.resolve("maple-spark-runner.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(f));
            }
        }
        return jar;
    }
}
