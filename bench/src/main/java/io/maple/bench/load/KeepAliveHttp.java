package io.maple.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The load driver's HTTP/1.1 client: a blocking keep-alive connection per concurrent caller, taken
 * from a pool, as wrk or ab hold one per connection. The JDK's {@code HttpClient} drives every
 * connection through one selector thread and a chain of futures per request, which in the same
 * JVM as the api charged the driver's own overhead and hand-offs to the figure being measured.
 */
public final class KeepAliveHttp implements AutoCloseable {

    /** A pooled connection idle longer than this is not reused: the server may have closed it. */
    private static final long MAX_IDLE_NANOS = 10_000_000_000L;

    /** A status and a body. */
    public record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();

    public KeepAliveHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** {@code POST path} with a JSON body and {@code headers}: "Name: value" lines, each ending in CRLF. */
    public Response post(String path, String json, String headers) throws IOException {
        Connection c = take();
        try {
            Response r = c.post(path, json.getBytes(StandardCharsets.UTF_8), headers);
            if (c.keepAlive) {
                c.idleSince = System.nanoTime();
                idle.add(c);
            } else {
                c.socket.close();
            }
            return r;
        } catch (IOException e) {
            c.socket.close();
            throw e;
        }
    }

    private Connection take() throws IOException {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            if (System.nanoTime() - c.idleSince < MAX_IDLE_NANOS) {
                return c;
            }
            c.socket.close();
        }
        return new Connection(new Socket(host, port));
    }

    @Override
    public void close() throws IOException {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            c.socket.close();
        }
    }

    private final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean keepAlive = true;
        private long idleSince;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream());
        }

        Response post(String path, byte[] body, String headers) throws IOException {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n" + headers
                    + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            int length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive = !"close".equalsIgnoreCase(value);
                    default -> { }
                }
            }
            byte[] content = chunked ? chunks() : in.readNBytes(Math.max(length, 0));
            return new Response(status, new String(content, StandardCharsets.UTF_8));
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                all.write(in.readNBytes(size));
                line();
            }
            line();
            return all.toByteArray();
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server mid-response");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }
}
