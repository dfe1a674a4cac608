package io.maple.system.harness;

import java.time.Duration;
import java.util.List;

/**
 * Temporal's Java test server as its own JVM ({@code io.maple.devserver.TemporalDevServer <port>},
 * real-time timers), the way {@code ./maple dev} runs it. Its state is in memory: it is never
 * restarted during a stack's life.
 */
public final class TemporalServer {

    private final ManagedProcess process;
    private final String classpath;
    private final int port;

    TemporalServer(ManagedProcess process, String classpath, int port) {
        this.process = process;
        this.classpath = classpath;
        this.port = port;
    }

    void start() {
        process.start(List.of(MapleService.javaBinary(), "-Xmx384m", "-XX:+UseSerialGC", "-cp", classpath,
                "io.maple.devserver.TemporalDevServer", String.valueOf(port)));
        PortWait.await(process, port, Duration.ofSeconds(60));
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }
}
