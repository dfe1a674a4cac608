package io.maple.embeddeddb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mariadbd on a data dir whose lock nobody holds was left running by an owner that was killed before it
 * could stop it (SIGKILL skips shutdown hooks): it keeps InnoDB's files locked, so every new start would
 * fail. It is stopped cleanly (SIGTERM), which is what its owner would have done.
 */
final class OrphanedServer {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);

    private OrphanedServer() {
    }

    /** Stops every mariadbd on {@code data}; call it only while holding the dir's {@link DataDirLock}. */
    static void stopAll(Path data) {
        Set<String> args = new HashSet<>(List.of("--datadir=" + data, "--datadir=" + realPath(data)));
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> Arrays.stream(a).anyMatch(args::contains)).orElse(false))
                .toList();
        for (ProcessHandle orphan : orphans) {
            LOG.warn("stopping mariadbd (pid {}) left running on {} by a process that died", orphan.pid(), data);
            orphan.destroy();
            try {
                orphan.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                orphan.destroyForcibly();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot wait for mariadbd " + orphan.pid(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping mariadbd " + orphan.pid(), e);
            }
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path; // not there yet: nothing can run on it
        }
    }
}
