package io.maple.system.harness;

import io.maple.embeddeddb.EmbeddedMariaDb;
import io.maple.embeddeddb.EmbeddedMode;
import io.maple.embeddeddb.MariaDbPrograms;
import io.maple.embeddeddb.TestDatabaseServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the stack's own (own datadir, port and socket), so a test may stop it while
 * Maple runs; the shared server on 3306 is never touched. Root has an empty password over TCP. It runs
 * the machine's MariaDB, or the embedded MariaDB's programs where the machine has none.
 */
public final class PrivateMariaDb {

    private final ManagedProcess process;
    private final MariaDbPrograms programs;
    private final Path dataDir;
    private final Path socket;
    private final int port;

    private PrivateMariaDb(ManagedProcess process, MariaDbPrograms programs, Path dataDir, Path socket, int port) {
        this.process = process;
        this.programs = programs;
        this.dataDir = dataDir;
        this.socket = socket;
        this.port = port;
    }

    /** Initialises a fresh data directory under {@code dir} (mariadb-install-db) on a free port. */
    static PrivateMariaDb install(Path dir) {
        Path dataDir = dir.resolve("mariadb-data");
        try {
            Directories.recreate(dataDir);
            // a unix socket path must stay short (108 bytes): keep it in the temp directory
            Path socket = Files.createTempDirectory("maple-st-db").resolve("mysqld.sock");
            MariaDbPrograms programs = programsOnThisMachine();
            List<String> command = new ArrayList<>(programs.command(programs.installDb()));
            // --skip-name-resolve --force: the embedded programs' resolveip cannot look up this host's name
            command.addAll(List.of("--datadir=" + dataDir, "--auth-root-authentication-method=normal",
                    "--skip-test-db", "--skip-name-resolve", "--force"));
            command.addAll(MariaDbPrograms.runAs());
            ProcessBuilder installer = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mariadb-install.log").toFile());
            installer.environment().putAll(programs.environment());
            Process install = installer.start();
            if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
                install.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db failed, see " + dir.resolve("mariadb-install.log"));
            }
            ManagedProcess process = new ManagedProcess("mariadb", dir.resolve("mariadb.log"), programs.environment());
            return new PrivateMariaDb(process, programs, dataDir, socket, FreePort.pick());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install a private MariaDB (is mariadb-server installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Starts the server and waits until it accepts JDBC connections; after a kill it recovers its InnoDB log. */
    public void start() {
        List<String> command = new ArrayList<>(programs.command(programs.server()));
        command.addAll(List.of("--datadir=" + dataDir, "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + socket, "--skip-name-resolve", "--pid-file=" + dataDir.resolve("mariadbd.pid"),
                "--innodb-buffer-pool-size=64M", "--max-connections=200"));
        command.addAll(MariaDbPrograms.runAs());
        process.start(command);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!accepts()) {
            if (!process.alive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("private MariaDB did not come up; log " + process.log() + ":\n"
                        + process.logTail(30));
            }
            Sleeper.sleep(Duration.ofMillis(100));
        }
    }

    /** SIGKILL: committed transactions survive (InnoDB redo log), open connections break. */
    public void kill() {
        process.kill();
    }

    public void stop() {
        process.stop();
    }

    public boolean alive() {
        return process.alive();
    }

    public ManagedProcess process() {
        return process;
    }

    public String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "root", "");
    }

    private boolean accepts() {
        try (Connection ignored = DriverManager.getConnection(url(""), "root", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The machine's programs, else (or with MAPLE_DB_EMBEDDED=always) the embedded MariaDB's. */
    private static MariaDbPrograms programsOnThisMachine() {
        if (EmbeddedMode.fromEnvironment() != EmbeddedMode.ALWAYS && MariaDbPrograms.onPath()) {
            return MariaDbPrograms.machine();
        }
        return EmbeddedMariaDb.programs(TestDatabaseServer.sharedDir());
    }
}
