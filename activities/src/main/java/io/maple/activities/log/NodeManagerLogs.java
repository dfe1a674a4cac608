package io.maple.activities.log;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A running container's log from its NodeManager's web services
 * ({@code /ws/v1/node/containerlogs/<container>/<file>}). A page from the start is streamed; a tail
 * asks for the file's last bytes ({@code size=-n}), four times more each time until they hold the
 * lines asked for, so it costs the tail and not the log.
 */
final class NodeManagerLogs {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long FIRST_TAIL_BYTES = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StreamedLog streamed;
    private final long tailLimit;

    /** @param tailLimit the most bytes a tail asks for; a tail needing more counts the whole log */
    NodeManagerLogs(StreamedLog streamed, long tailLimit) {
        this.streamed = streamed;
        this.tailLimit = tailLimit;
    }

    LogLines read(YarnAmContainer am, String file, long from, int size) {
        URI log = uri(am, file);
        try {
            if (from >= 0) {
                try (InputStream in = get(log)) {
                    return streamed.forward(in, from, size);
                }
            }
            long count = -from;
            for (long bytes = FIRST_TAIL_BYTES; bytes <= tailLimit; bytes *= 4) {
                byte[] end;
                try (InputStream in = get(URI.create(log + "?size=-" + bytes))) {
                    end = in.readAllBytes();
                }
                boolean whole = end.length < bytes;
                List<String> lines = streamed.forward(new ByteArrayInputStream(end), 0, Integer.MAX_VALUE).lines();
                if (!whole) {
                    lines = lines.subList(1, lines.size()); // the first is cut
                }
                if (whole || lines.size() >= count) {
                    int start = (int) Math.max(0, lines.size() - count);
                    List<String> page = lines.subList(start, (int) Math.min(lines.size(), start + (long) size));
                    return whole ? new LogLines(start, (long) lines.size(), List.copyOf(page))
                            : new LogLines(from, null, List.copyOf(page));
                }
            }
            return streamed.tailByCounting(() -> get(log), count, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /** The whole log as the NodeManager streams it. */
    InputStream open(YarnAmContainer am, String file) {
        URI log = uri(am, file);
        try {
            return get(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    private static URI uri(YarnAmContainer am, String file) {
        return URI.create(am.nodeHttpAddress() + "/ws/v1/node/containerlogs/" + am.containerId() + "/" + file);
    }

    private InputStream get(URI uri) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/plain").GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + uri);
        }
        if (response.statusCode() == 404) {
            response.body().close();
            throw new LogNotFoundException("the NodeManager has no such log: " + uri);
        }
        if (response.statusCode() != 200) {
            String body = new String(response.body().readNBytes(500));
            response.body().close();
            throw new IOException("the NodeManager answered " + response.statusCode() + ": " + body);
        }
        return response.body();
    }
}
