package io.maple.system.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The api or the worker as a process ({@code java -jar maple-<m>-*-exec.jar}) on a port of its own
 * that survives restarts, configured the way {@code ./maple} does it (environment) plus Spring
 * system properties, which a restart may override (e.g. to switch a fault point on).
 */
public final class MapleService {

    /** Fast start on a crowded 2-core machine: C1 only and the serial collector. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Dspring.jmx.enabled=false");

    private final ManagedProcess process;
    private final Path jar;
    private final int port;
    private final Map<String, String> properties;
    private final List<Path> addedJars;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param addedJars on the classpath besides the jar's own (Boot's {@code loader.path}), e.g. fault points */
    MapleService(ManagedProcess process, Path jar, int port, Map<String, String> properties, List<Path> addedJars) {
        this.process = process;
        this.jar = jar;
        this.port = port;
        this.properties = Map.copyOf(properties);
        this.addedJars = List.copyOf(addedJars);
    }

    public String name() {
        return process.name();
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public ManagedProcess process() {
        return process;
    }

    /** Starts it with its usual settings and waits until it is ready. */
    public void start() {
        start(Map.of());
    }

    /** Starts it with some Spring properties overridden (e.g. a fault point) and waits until it is ready. */
    public void start(Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.putAll(overrides);
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(JVM_OPTIONS);
        all.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (addedJars.isEmpty()) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            // the same jar and main class; Boot's PropertiesLauncher is the launcher that takes more jars
            command.add("-Dloader.path=" + String.join(",", addedJars.stream().map(Path::toString).toList()));
            command.add("-cp");
            command.add(jar.toString());
            command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        }
        process.start(command);
        awaitReady(Duration.ofSeconds(180));
    }

    /** SIGKILL on the JVM's pid. */
    public void kill() {
        process.kill();
    }

    public boolean alive() {
        return process.alive();
    }

    /** Waits for {@code /actuator/health/readiness} to say UP; fails at once when the process died. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new IllegalStateException(name() + " exited while starting; log " + process.log() + ":\n"
                        + process.logTail(40));
            }
            if (ready()) {
                return;
            }
            Sleeper.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name() + " not ready after " + timeout + "; log " + process.log() + ":\n"
                + process.logTail(40));
    }

    public boolean ready() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
