package io.maple.embeddeddb;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./maple dev}'s database process: runs an {@link EmbeddedMariaDb} on the dir it is given until
 * it is stopped (SIGTERM or Ctrl-C shut the server down cleanly). Once the server accepts connections it
 * prints {@code ready port=<port>}, the line {@code ./maple} waits for.
 */
public final class DevDatabase {

    /** Exit code when another process holds the data dir. */
    static final int IN_USE = 3;

    private DevDatabase() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: DevDatabase <dir>");
            System.exit(2);
        }
        EmbeddedMariaDb db;
        try {
            db = EmbeddedMariaDb.start(Path.of(args[0]));
        } catch (DataDirInUseException e) {
            System.err.println(e.getMessage());
            System.exit(IN_USE);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            db.close();
            stopped.countDown();
        }, "stop-mariadb"));
        System.out.println("embedded MariaDB " + EmbeddedMariaDb.VERSION + " at 127.0.0.1:" + db.port()
                + ", data in " + db.dir());
        System.out.println("ready port=" + db.port());
        System.out.flush();
        stopped.await();
    }
}
