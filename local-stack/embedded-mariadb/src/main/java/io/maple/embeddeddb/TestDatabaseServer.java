package io.maple.embeddeddb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;

/**
 * The MariaDB server the tests use: the one on the configured address ({@code maple.test.jdbc.base},
 * {@code jdbc:mysql://127.0.0.1:3306} by default) when it answers, else an embedded one, started at
 * most once per test JVM and stopped when the JVM exits. {@code MAPLE_DB_EMBEDDED} (auto, always, never)
 * decides as it does for {@code ./maple dev}.
 */
public final class TestDatabaseServer {

    public static final String BASE_PROPERTY = "maple.test.jdbc.base";
    public static final String DIR_PROPERTY = "maple.test.embedded.dir";
    private static final String MODULE_DIR = "target/embedded-mariadb";

    // one per test JVM: every suite in it shares the server, each in a database of its own
    private static String base;

    private TestDatabaseServer() {
    }

    /** {@code jdbc:mysql://host:port} of the server to use, without a database. */
    public static synchronized String base() {
        if (base == null) {
            base = choose();
        }
        return base;
    }

    private static String choose() {
        String configured = System.getProperty(BASE_PROPERTY, "jdbc:mysql://127.0.0.1:3306");
        EmbeddedMode mode = EmbeddedMode.fromEnvironment();
        if (mode.usesConfiguredServer(answers(configured))) {
            return configured;
        }
        EmbeddedMariaDb db = startEmbedded();
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "stop-test-mariadb"));
        String why = mode == EmbeddedMode.ALWAYS ? EmbeddedMode.VARIABLE + "=always"
                : "nothing answered at " + configured;
        System.out.println("[maple] tests use the embedded MariaDB " + EmbeddedMariaDb.VERSION + " at 127.0.0.1:"
                + db.port() + " (" + why + "), data in " + db.dir());
        return db.jdbcBase();
    }

    /** The dir the modules of one checkout share (they test one after another), so it is unpacked once. */
    public static Path sharedDir() {
        return Path.of(System.getProperty(DIR_PROPERTY, MODULE_DIR));
    }

    private static EmbeddedMariaDb startEmbedded() {
        try {
            return EmbeddedMariaDb.start(sharedDir());
        } catch (DataDirInUseException e) {
            // another build of this checkout is testing: a server of this module's own
            return EmbeddedMariaDb.start(Path.of(MODULE_DIR));
        }
    }

    /** Whether something accepts TCP connections at the host and port of a {@code jdbc:mysql://} URL. */
    static boolean answers(String jdbcBase) {
        URI uri = URI.create(jdbcBase.substring("jdbc:".length()));
        int port = uri.getPort() < 0 ? 3306 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
