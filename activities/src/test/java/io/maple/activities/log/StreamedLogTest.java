package io.maple.activities.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamedLogTest {

    private final StreamedLog all = new StreamedLog(Long.MAX_VALUE);

    @Test
    void pagesFromTheStartWithTheTotal() throws IOException {
        assertThat(all.forward(stream("a\nb\nc\nd\n"), 1, 2)).isEqualTo(new LogLines(1, 4L, List.of("b", "c")));
        assertThat(all.forward(stream("a\nb\nhalf"), 0, 10)).isEqualTo(new LogLines(0, 3L, List.of("a", "b", "half")));
        assertThat(all.forward(stream("a\r\n\nb"), 0, 10)).isEqualTo(new LogLines(0, 3L, List.of("a", "", "b")));
        assertThat(all.forward(stream(""), 0, 10)).isEqualTo(new LogLines(0, 0L, List.of()));
    }

    @Test
    void aPagePastTheEndIsEmptyWithTheTotal() throws IOException {
        assertThat(all.forward(stream("a\nb\n"), 5, 10)).isEqualTo(new LogLines(5, 2L, List.of()));
    }

    @Test
    void aLongStreamStopsBeingReadOnceThePageIsFullAndTheCountLimitPassed() throws IOException {
        String text = IntStream.range(0, 100_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
        CountingStream counted = new CountingStream(text);

        LogLines page = new StreamedLog(1024).forward(counted, 10, 3);

        assertThat(page).isEqualTo(new LogLines(10, null, List.of("line 10", "line 11", "line 12")));
        assertThat(counted.read).as("bytes read of %d", text.length()).isLessThan(200_000);
        // with a limit above its size it is counted to its end
        assertThat(new StreamedLog(10_000_000).forward(stream(text), 99_998, 5).total()).isEqualTo(100_000L);
    }

    @Test
    void linesAcrossReadChunksAreWhole() throws IOException {
        List<String> lines = IntStream.range(0, 20_000).mapToObj(i -> "枫 line " + i + " " + "z".repeat(i % 97)).toList();
        String text = String.join("\n", lines) + "\n";

        assertThat(all.forward(stream(text), 12_345, 1_000).lines()).isEqualTo(lines.subList(12_345, 13_345));
    }

    @Test
    void aTailTheClusterCutKnowsTheTotalOnlyWhenItGaveFewerLinesThanAsked() throws IOException {
        assertThat(all.tail(stream("x\ny\nz\n"), 3, 2)).isEqualTo(new LogLines(-3, null, List.of("x", "y")));
        assertThat(all.tail(stream("x\ny\n"), 5, 10)).isEqualTo(new LogLines(0, 2L, List.of("x", "y")));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final class CountingStream extends ByteArrayInputStream {
        long read;

        CountingStream(String text) {
            super(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }
}
