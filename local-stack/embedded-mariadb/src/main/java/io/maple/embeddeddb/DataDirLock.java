package io.maple.embeddeddb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock an embedded server holds on its dir while it runs ({@code maple.lock}, with the holder's pid
 * in it), so a second server on the same data fails at once instead of fighting over InnoDB's files. The
 * operating system releases it when the holder dies, however it dies.
 */
final class DataDirLock implements AutoCloseable {

    /*
     * Dirs this JVM holds. A second channel on a held lock file must never be opened: closing it would
     * drop the JVM's lock on the file (POSIX record locks belong to the process, not to the channel).
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final ServerDir dir;
    private final FileChannel channel;

    private DataDirLock(ServerDir dir, FileChannel channel) {
        this.dir = dir;
        this.channel = channel;
    }

    /** @throws DataDirInUseException when another process, or this one, holds it */
    static DataDirLock acquire(ServerDir dir) {
        if (!HELD_HERE.add(dir.dir())) {
            throw new DataDirInUseException(dir.dir(), " (pid " + ProcessHandle.current().pid() + ", this one)");
        }
        try {
            Files.createDirectories(dir.dir());
            FileChannel channel = FileChannel.open(dir.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(dir.lockFile(), StandardCharsets.UTF_8).trim();
                channel.close();
                HELD_HERE.remove(dir.dir());
                throw new DataDirInUseException(dir.dir(), holder.isEmpty() ? "" : " (pid " + holder + ")");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(Long.toString(ProcessHandle.current().pid())));
            channel.force(true);
            return new DataDirLock(dir, channel);
        } catch (IOException e) {
            HELD_HERE.remove(dir.dir());
            throw new UncheckedIOException("cannot lock " + dir.lockFile(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close(); // releases the lock
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        } finally {
            HELD_HERE.remove(dir.dir());
        }
    }
}
