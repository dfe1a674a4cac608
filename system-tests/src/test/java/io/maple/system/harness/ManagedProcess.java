package io.maple.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process of a stack: started with its output appended to {@code <name>.log}, killed
 * with SIGKILL on its real pid (a crash, not a shutdown), restartable with the same log.
 */
public final class ManagedProcess {

    private final String name;
    private final Path logFile;
    private final Map<String, String> env;
    private Process process;
    private String label = "";

    ManagedProcess(String name, Path logFile, Map<String, String> env) {
        this.name = name;
        this.logFile = logFile;
        this.env = Map.copyOf(env);
    }

    public String name() {
        return name;
    }

    public Path log() {
        return logFile;
    }

    /** The test now running, written into the log at each start so one log can be split by test. */
    void label(String test) {
        this.label = test;
    }

    synchronized void start(List<String> command) {
        if (alive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "\n===== " + Instant.now() + " starting " + name + " for " + label + ": "
                            + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    /** SIGKILL: the process gets no chance to clean up, exactly like a crash or an OOM kill. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(30);
    }

    /** SIGTERM, then SIGKILL when it does not stop in time. */
    synchronized void stop() {
        if (!alive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(20)) {
            kill();
        }
    }

    private boolean awaitExit(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of the log, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + logFile + ")";
        }
    }
}
