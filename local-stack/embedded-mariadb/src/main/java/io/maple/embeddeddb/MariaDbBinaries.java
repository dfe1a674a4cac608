package io.maple.embeddeddb;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The MariaDB programs from Maven Central, unpacked under {@code base}, for a caller that runs and kills
 * {@code mariadbd} itself on a machine that has none installed. Each program needs {@link #basedir()}
 * right after {@code --no-defaults} and {@link #environment()} to find its libraries.
 */
public record MariaDbBinaries(Path base) {

    public Path server() {
        return base.resolve("bin/mariadbd");
    }

    public Path installDb() {
        return base.resolve("scripts/mariadb-install-db");
    }

    public List<String> basedir() {
        return List.of("--basedir=" + base);
    }

    public Map<String, String> environment() {
        return Map.of("LD_LIBRARY_PATH", base.resolve("libs").toString());
    }
}
