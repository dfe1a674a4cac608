package io.maple.activities.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A TCP proxy on a fixed loopback port that a fault test switches off and on. Off means nothing
 * listens on the port (a client's connect is refused, like a host that is down) and every open
 * connection is cut; on forwards each connection to the target.
 */
public final class SwitchableTcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger switchedOff = new AtomicInteger();
    private volatile BooleanSupplier refusing = () -> false;
    private ServerSocket server;

    private SwitchableTcpProxy(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** A proxy to {@code host:port} on a free loopback port, still off. */
    public static SwitchableTcpProxy to(String host, int port) {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return new SwitchableTcpProxy(new InetSocketAddress(host, port), probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Connections forwarded so far. */
    public int connections() {
        return connections.get();
    }

    /** How often the proxy was switched off while on (the faults injected). */
    public int faults() {
        return switchedOff.get();
    }

    /**
     * While on, resets each new connection (RST, as a refusing host) for as long as {@code refusing}
     * says so when it arrives: a receiver that is down until a (test) clock says otherwise, decided
     * per connection rather than by a thread that could switch too late.
     */
    public SwitchableTcpProxy refuseWhile(BooleanSupplier refusing) {
        this.refusing = refusing;
        return this;
    }

    public synchronized boolean isOn() {
        return server != null;
    }

    public synchronized void on() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = s;
            threads.execute(() -> accept(s));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port + " again", e);
        }
    }

    public synchronized void off() {
        if (server == null) {
            return;
        }
        switchedOff.incrementAndGet();
        closeQuietly(server);
        server = null;
        open.forEach(SwitchableTcpProxy::closeQuietly);
        open.clear();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException closed) {
                return;
            }
            if (refusing.getAsBoolean()) {
                reset(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                continue;
            }
            connections.incrementAndGet();
            open.add(client);
            open.add(upstream);
            threads.execute(() -> pipe(client, upstream));
            threads.execute(() -> pipe(upstream, client));
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException cut) {
            // switched off, or one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void reset(Socket client) {
        try {
            client.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closed anyway
        }
        closeQuietly(client);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        off();
        threads.shutdownNow();
    }
}
