package io.maple.runner.flink;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain on real Flink 1.20.1: the registry finds the Flink plugin, the plugin renders a
 * LOCAL sql launch script, bash runs it, and the engine home's bin/flink (Flink's own CliFrontend on
 * the Maven jars) runs the runner jar built from this module with {@code flink run -t local}.
 */
class RenderedScriptRunsOnFlinkIT {

    @TempDir
    Path dir;

    @Test
    void aRenderedLocalSqlScriptRunsToTheEndOnFlink() throws Exception {
        Path home = flinkHome();
        Path runnerJar = runnerJar();
        Files.createDirectories(dir.resolve("people"));
        Files.writeString(dir.resolve("people/part-0.csv"), "1,ann,34\n2,bob,12\n3,o'neil,51\n");
        Path out = dir.resolve("adults");
        String sql = "CREATE TEMPORARY TABLE people (id INT, name STRING, age INT) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.resolve("people") + "', 'format' = 'csv');\n"
                + "CREATE TEMPORARY TABLE adults (id INT, name STRING) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + out + "', 'format' = 'csv');\n"
                + "INSERT INTO adults SELECT id, name FROM people WHERE age >= 18";
        JobConfig job = new JobConfig(null, null, null, null, null, null, null, null, null, null,
                Map.of("parallelism.default", "1"), RunType.SQL, Map.of("sql", sql));
        LaunchRequest request = new LaunchRequest(78, "e2e sql", "test", "local", ClusterCategory.LOCAL, null,
                "g", "u", EngineCategory.FLINK, "1.20.1", home.toString(), EngineExtInfo.none(), null, job);
        EnginePlugins plugins = EnginePlugins.load(getClass().getClassLoader(),
                new PluginSettings(Map.of("flink.runner-jar", runnerJar.toString())));

        plugins.validate(request);
        LaunchSpec.Script script = (LaunchSpec.Script) plugins.render(request);
        Path file = dir.resolve("launch.sh");
        Files.writeString(file, script.script());
        Process bash = new ProcessBuilder("bash", file.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("launch.log").toFile()).start();
        assertThat(bash.waitFor(240, TimeUnit.SECONDS)).isTrue();

        assertThat(bash.exitValue()).as(Files.readString(dir.resolve("launch.log"))).isZero();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        lines.sort(null);
        // Flink's csv writer quotes a value holding a single quote
        assertThat(lines).containsExactly("1,ann", "3,\"o'neil\"");
    }

    /** An engine home whose bin/flink runs Flink's CliFrontend on the jars of this test's class path. */
    private Path flinkHome() throws IOException {
        Path home = Files.createDirectories(dir.resolve("flink-home"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("config.yaml"), "parallelism.default: 1\n");
        String classPath = String.join(File.pathSeparator, Stream.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)).filter(p -> p.endsWith(".jar")).toList());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path flink = bin.resolve("flink");
        Files.writeString(flink, "#!/usr/bin/env bash\n"
                + "export FLINK_CONF_DIR='" + conf + "'\n"
                + "exec '" + java + "' " + System.getProperty("maple.flink.opens", "") + " -Xmx768m"
                + " -cp '" + classPath + "' org.apache.flink.client.cli.CliFrontend \"$@\"\n");
        Files.setPosixFilePermissions(flink, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /** The runner as the job jar: this module's classes in a jar. */
    private Path runnerJar() throws IOException {
        Path classes = Path.of("target/classes");
        Path jar = dir.resolve("maple-flink-runner.jar");
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
