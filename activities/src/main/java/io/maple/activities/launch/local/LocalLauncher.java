package io.maple.activities.launch.local;

import io.maple.activities.config.LocalLauncherProperties;
import io.maple.activities.launch.AppRef;
import io.maple.activities.launch.ClusterLauncher;
import io.maple.activities.launch.LaunchFailedException;
import io.maple.activities.launch.LaunchResult;
import io.maple.activities.launch.LaunchTarget;
import io.maple.activities.launch.ProcessEnvironment;
import io.maple.activities.log.LocalLogs;
import io.maple.domain.ClusterCategory;
import io.maple.engine.spi.LaunchSpec;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs an execution's script as a process on the worker host, in its own session (so the whole
 * process group can be killed) and its own directory {@code <workDir>/<executionId>}, which is how
 * it is found again: a {@code launch.claim} file makes the launch happen once, the wrapper writes
 * its own {@code pid} and, when the script ends, its {@code exitcode}. See README.md.
 */
@Component
public class LocalLauncher implements ClusterLauncher {

    private static final Logger log = LoggerFactory.getLogger(LocalLauncher.class);
    /** The wrapper records its pid before the script runs and the exit code after, both by atomic rename. */
    private static final String WRAPPER = "echo $$ > pid.tmp && mv pid.tmp pid; "
            + "bash ./script.sh > stdout.log 2> stderr.log; code=$?; "
            + "echo $code > exitcode.tmp && mv exitcode.tmp exitcode";
    private static final Duration PID_WAIT = Duration.ofSeconds(10);

    private final LocalLauncherProperties properties;
    private final LocalLogs logs;
    private final LocalExitWatch exits;
    private final Clock clock;

    public LocalLauncher(LocalLauncherProperties properties, LocalLogs logs, LocalExitWatch exits, Clock clock) {
        this.properties = properties;
        this.logs = logs;
        this.exits = exits;
        this.clock = clock;
    }

    @Override
    public ClusterCategory category() {
        return ClusterCategory.LOCAL;
    }

    @Override
    public LaunchResult launch(LaunchTarget target) {
        if (!(target.spec() instanceof LaunchSpec.Script script)) {
            throw new LaunchFailedException("LOCAL runs scripts only, got " + target.spec().getClass().getSimpleName());
        }
        long id = target.execution().id();
        Path dir = dirOf(id);
        try {
            Files.createDirectories(dir);
            Path claim = dir.resolve("launch.claim");
            try {
                Files.createFile(claim);
            } catch (FileAlreadyExistsException earlier) {
                // an earlier attempt claimed the launch: adopt its process instead of starting another
                Long pid = awaitPid(dir);
                if (pid != null) {
                    if (alive(pid, dir)) {
                        ProcessHandle.of(pid).ifPresent(adopted -> watch(id, adopted, pid));
                    }
                    return new LaunchResult(String.valueOf(pid), true, observe(id, String.valueOf(pid)), logs.reasonTail(id));
                }
                // the claim was taken but no process ever wrote its pid: that attempt died before spawning
                log.warn("execution {}: stale launch claim without a process, launching", id);
            }
            Path scriptFile = dir.resolve("script.sh");
            Files.writeString(scriptFile, script.script(), StandardCharsets.UTF_8);
            ProcessBuilder process = new ProcessBuilder("setsid", "bash", "-c", WRAPPER)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("wrapper.log").toFile());
            ProcessEnvironment.apply(process, target.environment());
            // setsid execs the wrapper in place (a child of the JVM is no group leader), so this is the wrapper
            Process started = process.start();
            Long pid = awaitPid(dir);
            if (pid == null) {
                throw new LaunchFailedException("the local process did not start within " + PID_WAIT);
            }
            watch(id, started.toHandle(), pid);
            return new LaunchResult(String.valueOf(pid), false, observe(id, String.valueOf(pid)), logs.reasonTail(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch execution " + id + " in " + dir, e);
        }
    }

    private void watch(long id, ProcessHandle process, long pid) {
        if (properties.exitSignals()) {
            exits.watch(id, process, () -> observe(id, String.valueOf(pid)));
        }
    }

    @Override
    public ClusterObservation observe(AppRef ref) {
        return observe(ref.executionId(), ref.appId());
    }

    private ClusterObservation observe(long id, String appIdHint) {
        Path dir = dirOf(id);
        if (!Files.exists(dir.resolve("launch.claim"))) {
            return observation(id, appIdHint, ClusterPhase.NOT_FOUND, "NOT_FOUND", null, null);
        }
        Long pid = readLong(dir.resolve("pid"));
        String appId = pid == null ? appIdHint : String.valueOf(pid);
        boolean killed = Files.exists(dir.resolve("killed"));
        // liveness first, the exit code after: the wrapper renames its exit code into place before it ends,
        // so one found dead has left it already. Read the other way round, a job ending between the two
        // looks was GONE without an exit code (seen with instant jobs in QueueSlotAdmissionIT).
        boolean running = pid != null && alive(pid, dir);
        Integer exit = exitCode(dir);
        if (exit != null) {
            if (killed && exit != 0) {
                return observation(id, appId, ClusterPhase.KILLED, "EXITED", String.valueOf(exit), "killed");
            }
            return observation(id, appId, exit == 0 ? ClusterPhase.SUCCEEDED : ClusterPhase.FAILED, "EXITED",
                    String.valueOf(exit), exit == 0 ? null : "exit code " + exit + ": " + logs.reasonTail(id));
        }
        if (pid == null) {
            return observation(id, appId, ClusterPhase.PENDING, "STARTING", null, null);
        }
        if (running) {
            return observation(id, appId, ClusterPhase.RUNNING, "RUNNING", null, null);
        }
        return observation(id, appId, killed ? ClusterPhase.KILLED : ClusterPhase.FAILED, "GONE", null,
                killed ? "killed" : "process ended without an exit code (killed from outside?)");
    }

    @Override
    public ClusterObservation kill(AppRef ref) {
        Path dir = dirOf(ref.executionId());
        ClusterObservation before = observe(ref.executionId(), ref.appId());
        if (before.phase().isFinal() || before.phase() == ClusterPhase.NOT_FOUND) {
            return before;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("killed"), clock.instant().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Long pid = awaitPid(dir);
        if (pid != null && groupAlive(pid)) {
            signalGroup(pid, "TERM");
            long deadline = System.nanoTime() + properties.killGrace().toNanos();
            while (groupAlive(pid) && System.nanoTime() < deadline) {
                sleep(100);
            }
            if (groupAlive(pid)) {
                signalGroup(pid, "KILL");
                while (groupAlive(pid)) {
                    sleep(50);
                }
            }
        }
        return observe(ref.executionId(), ref.appId());
    }

    /** The process directory of an execution; public for tests and diagnostics. */
    public Path dirOf(long executionId) {
        return properties.workDir().resolve(String.valueOf(executionId));
    }

    private Long awaitPid(Path dir) {
        long deadline = System.nanoTime() + PID_WAIT.toNanos();
        Long pid = readLong(dir.resolve("pid"));
        while (pid == null && System.nanoTime() < deadline) {
            sleep(20);
            pid = readLong(dir.resolve("pid"));
        }
        return pid;
    }

    /** Alive and really ours: a reused pid would have another working directory. */
    private static boolean alive(long pid, Path dir) {
        try {
            Path cwd = Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd"));
            return cwd.equals(dir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether any live (non-zombie) process is still in the group, children of the script included. */
    static boolean groupAlive(long pgid) {
        try (var procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> {
                        try {
                            String stat = Files.readString(p.resolve("stat"));
                            // fields after the command: state ppid pgrp ...
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            return !"Z".equals(f[0]) && Long.parseLong(f[2]) == pgid;
                        } catch (IOException | RuntimeException e) {
                            return false; // the process ended while we looked
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signalGroup(long pid, String signal) {
        try {
            // a negative pid addresses the process group the wrapper leads (setsid)
            new ProcessBuilder("kill", "-" + signal, "--", "-" + pid).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Integer exitCode(Path dir) {
        Long code = readLong(dir.resolve("exitcode"));
        return code == null ? null : code.intValue();
    }

    private static Long readLong(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private ClusterObservation observation(long id, String appId, ClusterPhase phase, String raw, String fin,
                                           String diagnostics) {
        return new ClusterObservation(id, appId, phase, raw, fin, diagnostics, null, null, null, Map.of(),
                clock.millis());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
