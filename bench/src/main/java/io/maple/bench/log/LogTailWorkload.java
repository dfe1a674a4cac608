package io.maple.bench.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.bench.BenchSizes;
import io.maple.bench.Workload;
import io.maple.bench.load.Latencies;
import io.maple.bench.report.Comparison;
import io.maple.bench.report.Section;
import io.maple.bench.report.Table;
import io.maple.bench.stack.MapleStack;
import io.maple.bench.stack.Submitter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Workload 7: {@code GET /executions/{id}/log} on LOCAL executions whose stdout is 1 MB up to 1 GB.
 * The tail (the last 100 lines) must cost the same whatever the log's size; a page from the start
 * is cheap too, a page in the middle pays for scanning to it (shown for contrast).
 */
public final class LogTailWorkload implements Workload {

    private static final String CLUSTER = "bench-local";
    private static final int LINE_BYTES = 100;

    private final BenchSizes sizes;
    private final Supplier<MapleStack> stack;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    public LogTailWorkload(BenchSizes sizes, Supplier<MapleStack> stack) {
        this.sizes = sizes;
        this.stack = stack;
    }

    @Override
    public Section run() throws Exception {
        MapleStack maple = stack.get();
        Submitter submitter = new Submitter(maple);
        submitter.registerCluster(CLUSTER, "LOCAL");
        Section section = new Section("7. Execution logs",
                "`GET /api/v1/executions/{id}/log` through the real api over HTTP, on LOCAL executions whose "
                        + "stdout was written beforehand (" + LINE_BYTES + "-byte lines, in the page cache). "
                        + sizes.logReads() + " reads of each page after 3 warm-up reads; the page in the middle "
                        + "is read " + Math.max(1, sizes.logReads() / 10) + " times.");
        Table table = new Table("log", "lines", "tail 100 p50 ms", "tail 100 p99 ms", "first 100 p50 ms",
                "middle 100 p50 ms", "total in the tail page");
        double smallestTail = Double.NaN;
        double largestTail = Double.NaN;
        String largest = "";
        for (long bytes : sizes.logSizes()) {
            long id = submitter.insert("log-" + bytes + "-" + System.nanoTime(), CLUSTER, "default");
            Path dir = MapleStack.LOCAL_WORK_DIR.resolve(String.valueOf(id));
            try {
                long lines = write(dir, bytes);
                JsonNode tail = page(maple, id, "from=-100&size=100");
                check(tail, lines);
                Latencies tails = measure(maple, id, "from=-100&size=100", sizes.logReads());
                Latencies heads = measure(maple, id, "from=0&size=100", sizes.logReads());
                Latencies middles = measure(maple, id, "from=" + lines / 2 + "&size=100",
                        Math.max(1, sizes.logReads() / 10));
                table.row(mb(bytes), lines, tails.p50(), tails.p99(), heads.p50(), middles.p50(),
                        tail.path("total").isNull() ? "left out (over the count limit)" : tail.get("total").asText());
                if (Double.isNaN(smallestTail)) {
                    smallestTail = tails.p50();
                }
                largestTail = tails.p50();
                largest = mb(bytes);
            } finally {
                delete(dir);
            }
        }
        section.compare(new Comparison("tail of 100 lines, " + largest + " log (p50)", "ms", largestTail,
                smallestTail, "< 3x the 1 MB log's", largestTail < 3 * smallestTail));
        section.detail(table);
        section.note("A tail reads back from the end of the file, so it reads about 100 lines whatever the size; "
                + "`total` is counted only for logs up to `maple.logs.count-limit` (64 MB), so a tail of a larger log "
                + "leaves it out instead of reading it all. A page from line n scans to it: the middle column.");
        return section;
    }

    /** Writes {@code bytes} of log lines as the process's stdout; returns how many lines. */
    private static long write(Path dir, long bytes) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("launch.claim"), "");
        long lines = bytes / LINE_BYTES;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("stdout.log")), 1 << 20)) {
            for (long i = 0; i < lines; i++) {
                out.write(line(i).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return lines;
    }

    private static String line(long i) {
        String head = String.format("12:00:00 INFO Task: line %012d of a long job's stdout ", i);
        return head + "x".repeat(LINE_BYTES - 1 - head.length()) + "\n";
    }

    private static void check(JsonNode tail, long lines) {
        JsonNode got = tail.get("lines");
        String last = line(lines - 1).strip();
        if (got.size() != 100 || !got.get(99).asText().equals(last)) {
            throw new AssertionError("the tail is not the log's last 100 lines: " + tail.toString().substring(0, 300));
        }
    }

    private Latencies measure(MapleStack maple, long id, String query, int reads) throws Exception {
        for (int i = 0; i < 3; i++) {
            page(maple, id, query);
        }
        long[] nanos = new long[reads];
        for (int i = 0; i < reads; i++) {
            long t0 = System.nanoTime();
            page(maple, id, query);
            nanos[i] = System.nanoTime() - t0;
        }
        return Latencies.of(nanos);
    }

    private JsonNode page(MapleStack maple, long id, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + maple.apiPort()
                + "/api/v1/executions/" + id + "/log?" + query)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET log answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private static String mb(long bytes) {
        return bytes >= 1L << 30 ? bytes / (1L << 30) + " GB" : bytes / (1L << 20) + " MB";
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
