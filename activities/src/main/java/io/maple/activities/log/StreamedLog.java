package io.maple.activities.log;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages of a log a cluster serves as a stream (a pod's log, a container's log over HTTP): read once
 * from its start, lines before the page skipped and after it only counted, never held whole.
 */
public final class StreamedLog {

    private static final int CHUNK = 64 * 1024;

    private final long countLimit;

    /** @param countLimit after the page, the rest is counted for the total only up to this many bytes */
    public StreamedLog(long countLimit) {
        this.countLimit = countLimit;
    }

    /** Lines {@code [from, from + size)} of a stream that starts at the log's first line. */
    public LogLines forward(InputStream log, long from, int size) throws IOException {
        return page(log, from, size, countLimit);
    }

    /**
     * A page of the log's last {@code count} lines, from a stream the cluster already cut to them
     * (K8s {@code tailLines}). Fewer lines than asked means the log has no more: then the total is known.
     */
    public LogLines tail(InputStream lastLines, long count, int size) throws IOException {
        LogLines page = page(lastLines, 0, size, Long.MAX_VALUE);
        long lines = page.total();
        return lines < count ? new LogLines(0, lines, page.lines()) : new LogLines(-count, null, page.lines());
    }

    /** How many lines a stream holds, read to its end. */
    public long count(InputStream log) throws IOException {
        return page(log, Long.MAX_VALUE, 0, Long.MAX_VALUE).total();
    }

    /** A page of the last {@code count} lines of a log that can be streamed twice: once to count, once to page. */
    public LogLines tailByCounting(LogOpener log, long count, int size) throws IOException {
        long total;
        try (InputStream in = log.open()) {
            total = count(in);
        }
        long from = Math.max(0, total - count);
        try (InputStream in = log.open()) {
            return new LogLines(from, total, page(in, from, size, Long.MAX_VALUE).lines());
        }
    }

    /** Opens the log's stream anew, from its first byte. */
    @FunctionalInterface
    public interface LogOpener {
        InputStream open() throws IOException;
    }

    private static LogLines page(InputStream log, long from, int size, long countLimit) throws IOException {
        byte[] buffer = new byte[CHUNK];
        List<String> lines = new ArrayList<>();
        LineBuffer current = new LineBuffer();
        long line = 0;
        long bytes = 0;
        boolean open = false; // bytes after the last newline
        for (int read = log.read(buffer); read >= 0; read = log.read(buffer)) {
            bytes += read;
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    if (line >= from && lines.size() < size) {
                        current.append(buffer, start, i);
                        lines.add(current.take());
                    }
                    line++;
                    start = i + 1;
                }
            }
            if (read > 0) {
                open = start < read;
                if (line >= from && lines.size() < size) {
                    current.append(buffer, start, read);
                }
            }
            if (lines.size() == size && bytes > countLimit) {
                return new LogLines(from, null, lines);
            }
        }
        if (open) {
            if (line >= from && lines.size() < size) {
                lines.add(current.take());
            }
            line++;
        }
        return new LogLines(from, line, lines);
    }
}
