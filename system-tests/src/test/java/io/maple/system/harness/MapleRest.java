package io.maple.system.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Maple's REST API as a client sees it, with the admin credentials {@code ./maple} uses. */
public final class MapleRest {

    public static final String ADMIN_APP = "maple-admin";
    public static final String ADMIN_KEY = "maple-local-admin-key-change-me";

    private final MapleService api;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    MapleRest(MapleService api) {
        this.api = api;
    }

    /** An answer; {@code body} is null when it was empty or not JSON. */
    public record Response(int status, JsonNode body, String raw) {

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Response post(String path, Object body) {
        return post(path, body, Duration.ofSeconds(30));
    }

    public Response post(String path, Object body, Duration timeout) {
        return send(request(path, timeout).POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    public Response put(String path, Object body) {
        return send(request(path, Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    public Response get(String path) {
        return send(request(path, Duration.ofSeconds(30)).GET().build());
    }

    /** Submits an execution and returns its id; a repeated (fromApp, uniqueId) answers the existing one. */
    public long submit(Map<String, Object> submission) {
        Response r = post("/api/v1/executions", submission);
        if (r.status() != 201 && r.status() != 200) {
            throw new IllegalStateException("submit answered " + r.status() + ": " + r.raw());
        }
        return r.body().get("id").asLong();
    }

    public JsonNode execution(long id) {
        Response r = get("/api/v1/executions/" + id);
        if (!r.ok()) {
            throw new IllegalStateException("GET execution " + id + " answered " + r.status() + ": " + r.raw());
        }
        return r.body();
    }

    /** Kills an execution; the answer comes once it is terminal, so the timeout is long. */
    public Response kill(long id, String reason) {
        return post("/api/v1/executions/" + id + "/kill", Map.of("reason", reason), Duration.ofMinutes(3));
    }

    /** POST that also accepts 409 (already there), as {@code ./maple} seeds its cluster. */
    public void createIfAbsent(String path, Object body) {
        Response r = post(path, body);
        if (!r.ok() && r.status() != 409) {
            throw new IllegalStateException("POST " + path + " answered " + r.status() + ": " + r.raw());
        }
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Maple-App", ADMIN_APP)
                .header("X-Maple-Key", ADMIN_KEY);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedApiException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The API did not answer at all (refused, reset, timed out): what a client sees when it crashed. */
    public static final class UncheckedApiException extends RuntimeException {
        UncheckedApiException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
