package io.maple.engine.spi.testing;

import static io.maple.engine.spi.Shell.quote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stand-in engine home whose {@code bin/<tool>} only records its argv (NUL separated, so newlines in
 * an argument survive) and the environment variable {@code envName}; then runs a rendered script.
 */
public final class ArgvRecorder {

    public final Path home;
    public final Path argv;
    public final Path env;

    public ArgvRecorder(Path dir, String homeName, String tool, String envName) throws IOException {
        home = Files.createDirectories(dir.resolve(homeName));
        argv = dir.resolve("argv.bin");
        env = dir.resolve("env.txt");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path fake = bin.resolve(tool);
        Files.writeString(fake, "#!/usr/bin/env bash\n"
                + ": > " + quote(argv.toString()) + "\n"
                + "for a in \"$@\"; do printf '%s\\0' \"$a\" >> " + quote(argv.toString()) + "; done\n"
                + "printf '%s' \"${" + envName + "-}\" > " + quote(env.toString()) + "\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the script with bash in {@code cwd}; returns its exit code. */
    public int run(String script, Path cwd) throws IOException, InterruptedException {
        Path file = cwd.resolve("launch.sh");
        Files.writeString(file, script);
        Process process = new ProcessBuilder("bash", file.toString()).directory(cwd.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("script did not finish");
        }
        if (process.exitValue() != 0) {
            System.err.println(output);
        }
        return process.exitValue();
    }

    public List<String> recordedArgv() throws IOException {
        String raw = Files.readString(argv, StandardCharsets.UTF_8);
        if (raw.isEmpty()) {
            return List.of();
        }
        // every argument ends with a NUL: drop the final empty piece only
        return Arrays.asList(raw.substring(0, raw.length() - 1).split("\0", -1));
    }

    public String recordedEnv() throws IOException {
        return Files.readString(env, StandardCharsets.UTF_8);
    }

    /** Asserts that {@code bash -n} accepts the script. */
    public static void assertBashSyntax(String script) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        bash.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        bash.getOutputStream().close();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as("bash -n: " + output).isZero();
    }
}
