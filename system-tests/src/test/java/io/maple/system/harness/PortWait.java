package io.maple.system.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Waits for a process to listen on its port, failing at once when the process died. */
final class PortWait {

    private PortWait() {
    }

    static void await(ManagedProcess process, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new IllegalStateException(process.name() + " exited while starting; log " + process.log()
                        + ":\n" + process.logTail(40));
            }
            if (open(port)) {
                return;
            }
            Sleeper.sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException(process.name() + " does not listen on " + port + " after " + timeout
                + "; log " + process.log() + ":\n" + process.logTail(40));
    }

    static boolean open(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
