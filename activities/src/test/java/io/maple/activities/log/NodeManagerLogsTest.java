package io.maple.activities.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NodeManager reader against an HTTP server answering {@code /ws/v1/node/containerlogs} as
 * NMWebServices does ({@code size=-n}: the last n bytes); the real NodeManager is in SparkOnYarnRestIT.
 */
class NodeManagerLogsTest {

    private static final ContainerId AM = ContainerId.fromString("container_1700000000000_0001_01_000001");
    private static final List<String> LINES = IntStream.range(0, 20_000)
            .mapToObj(i -> String.format("%05d ", i) + "x".repeat(93)).toList(); // 100 bytes with the newline
    private static final byte[] LOG = (String.join("\n", LINES) + "\n").getBytes(StandardCharsets.UTF_8);

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private HttpServer nodeManager;
    private YarnAmContainer am;

    @BeforeEach
    void startNodeManager() throws IOException {
        nodeManager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nodeManager.createContext("/ws/v1/node/containerlogs/" + AM + "/stdout", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            asked.add(query == null ? "" : query);
            byte[] body = LOG;
            if (query != null && query.startsWith("size=-")) {
                int n = Integer.parseInt(query.substring("size=-".length()));
                body = Arrays.copyOfRange(LOG, Math.max(0, LOG.length - n), LOG.length);
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        nodeManager.start();
        am = new YarnAmContainer(AM.getApplicationAttemptId().getApplicationId(), "root", AM,
                "http://127.0.0.1:" + nodeManager.getAddress().getPort(), false);
    }

    @AfterEach
    void stop() {
        nodeManager.stop(0);
    }

    @Test
    void aDownloadIsTheWholeFileAsTheNodeManagerStreamsIt() throws IOException {
        NodeManagerLogs logs = new NodeManagerLogs(new StreamedLog(64L << 20), 64L << 20);

        try (InputStream whole = logs.open(am, "stdout")) {
            assertThat(whole.readAllBytes()).isEqualTo(LOG);
        }
        assertThat(asked).containsExactly("");
        assertThatThrownBy(() -> logs.open(am, "stderr")).isInstanceOf(LogNotFoundException.class);
    }

    @Test
    void aTailAsksForMoreOfTheFilesEndUntilItHoldsTheLines() {
        NodeManagerLogs logs = new NodeManagerLogs(new StreamedLog(64L << 20), 64L << 20);

        LogLines tail = logs.read(am, "stdout", -5_000, 3);

        assertThat(tail).isEqualTo(new LogLines(-5_000, null, LINES.subList(15_000, 15_003)));
        assertThat(asked).containsExactly("size=-65536", "size=-262144", "size=-1048576");
    }

    @Test
    void aTailThatGotTheWholeFileKnowsTheTotal() {
        NodeManagerLogs logs = new NodeManagerLogs(new StreamedLog(64L << 20), 64L << 20);

        LogLines tail = logs.read(am, "stdout", -19_999, 2);

        assertThat(tail).isEqualTo(new LogLines(1, 20_000L, LINES.subList(1, 3)));
        assertThat(asked).last().isEqualTo("size=-4194304");
    }

    @Test
    void aTailLargerThanTheLimitCountsTheLogThenPagesIt() {
        NodeManagerLogs logs = new NodeManagerLogs(new StreamedLog(64L << 20), 100_000);

        LogLines tail = logs.read(am, "stdout", -3_000, 2);

        assertThat(tail).isEqualTo(new LogLines(17_000, 20_000L, LINES.subList(17_000, 17_002)));
        assertThat(asked).containsExactly("size=-65536", "", "");
    }

    @Test
    void aPageFromTheStartIsStreamed() {
        NodeManagerLogs logs = new NodeManagerLogs(new StreamedLog(64L << 20), 64L << 20);

        assertThat(logs.read(am, "stdout", 10, 2)).isEqualTo(new LogLines(10, 20_000L, LINES.subList(10, 12)));
    }
}
