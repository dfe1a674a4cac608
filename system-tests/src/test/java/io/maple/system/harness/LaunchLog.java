package io.maple.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the LOCAL cluster really ran, as the light engine recorded it (one {@code start} line per
 * process launched, one {@code end} line per process that ran to its end) — independent of what
 * Maple's own tables claim.
 */
public final class LaunchLog {

    private final Path file;

    LaunchLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** One process the light engine ran: epoch milliseconds of its start and end (-1 while it has not ended). */
    public record Run(String key, long pid, long startedAt, long endedAt) {
    }

    /** Every process started for one of {@code keys}, in the order they started. */
    public List<Run> runs(Collection<String> keys) {
        Map<Long, Long> ends = new HashMap<>();
        List<String[]> starts = new ArrayList<>();
        for (String line : lines()) {
            String[] f = line.split(" ");
            if (f.length >= 5 && f[0].equals("end")) {
                ends.put(Long.parseLong(f[3]), Long.parseLong(f[4]));
            } else if (f.length >= 5 && f[0].equals("start") && keys.contains(f[1])) {
                starts.add(f);
            }
        }
        return starts.stream()
                .map(f -> new Run(f[1], Long.parseLong(f[3]), Long.parseLong(f[4]),
                        ends.getOrDefault(Long.parseLong(f[3]), -1L)))
                .sorted(Comparator.comparingLong(Run::startedAt))
                .toList();
    }

    /** How many processes were started for {@code key}. */
    public int starts(String key) {
        return count("start", key);
    }

    /** How many processes for {@code key} ran to their end (not killed). */
    public int ends(String key) {
        return count("end", key);
    }

    private int count(String event, String key) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines()) {
            String[] f = line.split(" ");
            if (f.length >= 2 && f[0].equals(event)) {
                counts.merge(f[1], 1, Integer::sum);
            }
        }
        return counts.getOrDefault(key, 0);
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
