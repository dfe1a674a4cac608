package io.maple.persistence;

import io.maple.embeddeddb.TestDatabaseServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh MariaDB database per test suite, on the real server .ci/run starts, or on an embedded one
 * where none answers ({@link TestDatabaseServer}). Each suite names its own database, so modules and
 * suites never see each other's rows.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static String base() {
        return TestDatabaseServer.base();
    }

    public static String user() {
        return System.getProperty("maple.test.jdbc.user", "root");
    }

    public static String password() {
        return System.getProperty("maple.test.jdbc.password", "");
    }

    /** Drops and recreates {@code maple_test_<name>} and returns its JDBC URL. */
    public static String recreate(String name) {
        // MAPLE_TEST_DB_SUFFIX keeps parallel checkouts on one machine out of each other's databases
        String suffix = System.getenv().getOrDefault("MAPLE_TEST_DB_SUFFIX", "");
        String db = ("maple_test_" + name + suffix).replaceAll("[^A-Za-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(base() + "/", user(), password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB is not reachable at " + base() + ": " + e.getMessage(), e);
        }
        return base() + "/" + db;
    }

    /** Registers a fresh database as the Spring datasource of the calling test. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String url = recreate(name);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    /**
     * Starts the suite's execution ids at {@code base}. Suites that share one cluster for the whole
     * test JVM (the in-process MiniYARN) find applications by the execution id's tag, so each such
     * suite takes its own id range, or it would adopt another suite's applications.
     */
    public static void startExecutionIdsAt(javax.sql.DataSource dataSource, long base) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE maple_engine_execution AUTO_INCREMENT = " + base);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot move the execution ids to " + base, e);
        }
    }
}
