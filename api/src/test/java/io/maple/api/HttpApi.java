package io.maple.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Real HTTP to the API under test (java.net.http), answering status, headers and body. Every request
 * carries the credential it was built with: the bootstrap admin by default, {@link #as} for another app.
 */
public final class HttpApi {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The bootstrap admin the test context configures ({@code maple.security.bootstrap-admin-*}). */
    public static final String ADMIN_APP = "maple-admin";
    public static final String ADMIN_KEY = "test-admin-key";

    private final int port;
    private final String base;
    private final ObjectMapper json;
    private final Map<String, String> credentials;

    public HttpApi(int port, ObjectMapper json) {
        this(port, json, Map.of("X-Maple-App", ADMIN_APP, "X-Maple-Key", ADMIN_KEY));
    }

    private HttpApi(int port, ObjectMapper json, Map<String, String> credentials) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.json = json;
        this.credentials = credentials;
    }

    /** The same client authenticating as another app by key. */
    public HttpApi as(String app, String key) {
        return new HttpApi(port, json, Map.of("X-Maple-App", app, "X-Maple-Key", key));
    }

    /** The same client sending exactly these credential headers (none when empty). */
    public HttpApi withHeaders(Map<String, String> headers) {
        return new HttpApi(port, json, Map.copyOf(headers));
    }

    /** Any method, any body bytes, any content type: for hostile input. */
    public Response raw(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, String body) {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String body) {
        return send(json(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends the body chunked, without a Content-Length, so only counting while reading can limit it. */
    public Response postChunked(String path, byte[] body) {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    private HttpRequest.Builder json(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
    }

    private Response send(HttpRequest.Builder request) {
        credentials.forEach(request::header);
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(null), r.body(), json,
                    r.headers().firstValue("Retry-After").orElse(null), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String location, String body, ObjectMapper mapper,
                           String retryAfter, Map<String, List<String>> headers) {

        /** Every value of a header, whatever the case of its name. */
        public List<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        public JsonNode json() {
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }
}
