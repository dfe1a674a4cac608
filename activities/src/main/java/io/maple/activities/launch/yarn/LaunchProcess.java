package io.maple.activities.launch.yarn;

import io.maple.activities.launch.ProcessEnvironment;
import io.maple.activities.log.LogFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a rendered launch script as a child {@code bash} process in its working directory, with its
 * output (stdout and stderr) appended to {@code launch.log} there, so a retried attempt keeps the
 * earlier attempts' output and the tail can be read after a crash.
 */
final class LaunchProcess {

    static final String SCRIPT = "launch.sh";
    static final String LOG = "launch.log";
    /** "pid startEpochMillis" of the running script: a restarted worker finds a script it orphaned. */
    static final String PID = "launch.pid";

    /** How the script ended; {@code exitCode} is null when it was destroyed after the timeout. */
    record Outcome(Integer exitCode, String logTail) {
        boolean succeeded() {
            return exitCode != null && exitCode == 0;
        }
    }

    private LaunchProcess() {
    }

    /** How often {@code whileRunning} is called (the activity heartbeat when run inside one). */
    static final Duration TICK = Duration.ofSeconds(5);

    /**
     * Runs the script to its end or the timeout. {@code whileRunning} is called every {@link #TICK};
     * if it throws (e.g. the activity was cancelled) the script and its children are destroyed and
     * the exception is rethrown.
     */
    static Outcome run(Path workDir, String script, Map<String, String> env, Duration timeout, int tailBytes,
                       Runnable whileRunning) {
        try {
            Files.createDirectories(workDir);
            Path scriptFile = workDir.resolve(SCRIPT);
            Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(scriptFile, PosixFilePermissions.fromString("rwx------"));
            Path log = workDir.resolve(LOG);
            ProcessBuilder pb = new ProcessBuilder("bash", scriptFile.toString())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            ProcessEnvironment.apply(pb, env);
            Process process = pb.start();
            Path pidFile = workDir.resolve(PID);
            Files.writeString(pidFile, process.pid() + " "
                    + process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L));
            long deadline = System.nanoTime() + timeout.toNanos();
            Integer exit = null;
            while (exit == null) {
                long left = Math.min(TICK.toNanos(), deadline - System.nanoTime());
                if (process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    exit = process.exitValue();
                } else if (System.nanoTime() >= deadline) {
                    destroy(process);
                    break;
                } else {
                    try {
                        whileRunning.run();
                    } catch (RuntimeException e) {
                        destroy(process);
                        throw e;
                    }
                }
            }
            Files.deleteIfExists(pidFile);
            return new Outcome(exit, tail(log, tailBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the launch script ran", e);
        }
    }

    /**
     * Waits for a script an earlier attempt started and left running (its worker died), so a retry
     * never runs a second submitter beside it. Returns true if there was one (then look the tag up again).
     */
    static boolean awaitEarlierAttempt(Path workDir, Duration timeout, Runnable whileWaiting) {
        Path pidFile = workDir.resolve(PID);
        if (!Files.exists(pidFile)) {
            return false;
        }
        try {
            String[] parts = Files.readString(pidFile).strip().split(" ");
            long pid = Long.parseLong(parts[0]);
            long started = Long.parseLong(parts[1]);
            // same pid and same start time: the very process, not a recycled pid
            java.util.Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L) == started);
            if (orphan.isEmpty()) {
                Files.deleteIfExists(pidFile);
                return false;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            java.util.concurrent.CompletableFuture<ProcessHandle> exit = orphan.get().onExit();
            while (!exit.isDone()) {
                if (System.nanoTime() >= deadline) {
                    orphan.get().descendants().forEach(ProcessHandle::destroyForcibly);
                    orphan.get().destroyForcibly();
                    break;
                }
                try {
                    exit.get(Math.min(TICK.toNanos(), deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    whileWaiting.run();
                } catch (java.util.concurrent.ExecutionException e) {
                    break;
                }
            }
            Files.deleteIfExists(pidFile);
            return true;
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException unreadable) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an earlier launch script", e);
        }
    }

    private static void destroy(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The last {@code bytes} of the log (whole lines), or "" when there is none. */
    static String tail(Path log, int bytes) {
        return new LogFile(log, 0).tailText(bytes);
    }
}
