package io.maple.devserver;

import io.temporal.testserver.TestServer;
import java.util.List;

/**
 * Temporal's Java test server on a port, with two of its costs under load fixed: the time-lock
 * event leak ({@link TimeLockEvents}) and last-in-first-out task queues ({@link TaskQueueOrder}).
 * What {@code ./maple dev} and the system tests run as a process, and what the benchmark embeds.
 *
 * <p>{@code java -cp ... io.maple.devserver.TemporalDevServer <port> [--enable-time-skipping]}, the
 * arguments of {@code io.temporal.testserver.TestServer}. Time runs in real time unless time skipping
 * is enabled, which only tests want.
 */
public final class TemporalDevServer {

    private static final String TIME_SKIPPING = "--enable-time-skipping";

    private TemporalDevServer() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !TIME_SKIPPING.equals(args[1]))) {
            System.err.println("usage: TemporalDevServer <port> [" + TIME_SKIPPING + "]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        TestServer.PortBoundTestServer server = start(port, !List.of(args).contains(TIME_SKIPPING));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "temporal-dev-server-stop"));
        System.out.println("Temporal test server listening on " + port);
        // gRPC's server threads keep the JVM alive until it is stopped
    }

    /** Starts the server on {@code port}; {@code realTime} locks time skipping (timers fire in wall time). */
    public static TestServer.PortBoundTestServer start(int port, boolean realTime) {
        TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, realTime);
        TimeLockEvents.forget(server);
        TaskQueueOrder.arrivalWithinPriority(server);
        return server;
    }
}
