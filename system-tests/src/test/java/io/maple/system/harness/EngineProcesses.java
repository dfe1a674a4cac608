package io.maple.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The processes the LOCAL launcher started for a stack, found the way the launcher itself finds
 * them: by their working directory under the stack's {@code maple.local.work-dir}. Used to check
 * that killed executions left nothing running, and to clean up after a stack.
 */
public final class EngineProcesses {

    private final Path workDir;

    EngineProcesses(Path workDir) {
        this.workDir = workDir;
    }

    /** Live (non-zombie) processes whose working directory is the execution's directory. */
    public List<ProcessHandle> of(long executionId) {
        return under(workDir.resolve(String.valueOf(executionId)));
    }

    /** Every live process of this stack's LOCAL cluster. */
    public List<ProcessHandle> all() {
        return under(workDir);
    }

    void killAll() {
        all().forEach(ProcessHandle::destroyForcibly);
    }

    private static List<ProcessHandle> under(Path dir) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            return List.of(); // nothing was ever launched there
        }
        return ProcessHandle.allProcesses()
                .filter(p -> cwdIsUnder(p.pid(), real) && !zombie(p.pid()))
                .toList();
    }

    private static boolean cwdIsUnder(long pid, Path dir) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd")).startsWith(dir);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // gone, or not ours to look at
        }
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | UncheckedIOException e) {
            return true;
        }
    }
}
