package io.maple.activities.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {

    private static final long COUNT_ALL = Long.MAX_VALUE;

    @TempDir
    Path dir;

    @Test
    void pagesFromTheStartGiveTheLinesAndTheTotal() throws IOException {
        LogFile log = log("a\nb\nc\nd\ne\n", COUNT_ALL);

        assertThat(log.read(0, 2)).isEqualTo(new LogLines(0, 5L, List.of("a", "b")));
        assertThat(log.read(3, 100)).isEqualTo(new LogLines(3, 5L, List.of("d", "e")));
    }

    @Test
    void aPagePastTheEndIsEmptyWithTheTotal() throws IOException {
        LogFile log = log("a\nb\nc\n", COUNT_ALL);

        assertThat(log.read(3, 10)).isEqualTo(new LogLines(3, 3L, List.of()));
        assertThat(log.read(1000, 10)).isEqualTo(new LogLines(1000, 3L, List.of()));
        // the same when the log is too large to count: reaching past its end counted it anyway
        assertThat(log("a\nb\nc", 0).read(7, 10)).isEqualTo(new LogLines(7, 3L, List.of()));
    }

    @Test
    void aNegativeFromCountsFromTheEnd() throws IOException {
        LogFile log = log("a\nb\nc\nd\ne\n", COUNT_ALL);

        assertThat(log.read(-2, 100)).isEqualTo(new LogLines(3, 5L, List.of("d", "e")));
        assertThat(log.read(-4, 2)).isEqualTo(new LogLines(1, 5L, List.of("b", "c")));
        assertThat(log.read(-100, 100)).isEqualTo(new LogLines(0, 5L, List.of("a", "b", "c", "d", "e")));
    }

    @Test
    void aLastLineWithoutNewlineIsALine() throws IOException {
        LogFile log = log("a\nb\nhalf", COUNT_ALL);

        assertThat(log.read(0, 10)).isEqualTo(new LogLines(0, 3L, List.of("a", "b", "half")));
        assertThat(log.read(-1, 10)).isEqualTo(new LogLines(2, 3L, List.of("half")));
        assertThat(log.read(-2, 10).lines()).containsExactly("b", "half");
    }

    @Test
    void emptyLinesCountAndCarriageReturnsGo() throws IOException {
        LogFile log = log("a\r\n\n\nb\r\n", COUNT_ALL);

        assertThat(log.read(0, 10)).isEqualTo(new LogLines(0, 4L, List.of("a", "", "", "b")));
        assertThat(log.read(-3, 10)).isEqualTo(new LogLines(1, 4L, List.of("", "", "b")));
    }

    @Test
    void anEmptyLogHasNoLines() throws IOException {
        LogFile log = log("", COUNT_ALL);

        assertThat(log.read(0, 10)).isEqualTo(new LogLines(0, 0L, List.of()));
        assertThat(log.read(-10, 10)).isEqualTo(new LogLines(0, 0L, List.of()));
    }

    @Test
    void aLogTooLargeToCountGivesNoTotalForATail() throws IOException {
        LogFile log = log("a\nb\nc\nd\n", 0);

        assertThat(log.read(-2, 10)).isEqualTo(new LogLines(-2, null, List.of("c", "d")));
        assertThat(log.read(0, 2)).isEqualTo(new LogLines(0, null, List.of("a", "b")));
        assertThat(log.read(2, 10)).isEqualTo(new LogLines(2, 4L, List.of("c", "d")));
    }

    @Test
    void pagesAcrossManyReadChunksMatchTheLines() throws IOException {
        List<String> lines = IntStream.range(0, 200_000).mapToObj(i -> "line " + i + " " + "x".repeat(i % 50)).toList();
        Path file = dir.resolve("big.log");
        Files.write(file, lines, StandardCharsets.UTF_8);
        LogFile log = new LogFile(file, COUNT_ALL);

        for (int from : new int[] {0, 1, 9_999, 65_536, 123_457, 199_990}) {
            assertThat(log.read(from, 25)).as("from %d", from)
                    .isEqualTo(new LogLines(from, 200_000L, lines.subList(from, Math.min(from + 25, lines.size()))));
        }
        for (int back : new int[] {1, 100, 30_001, 199_999, 200_000}) {
            int start = lines.size() - back;
            assertThat(log.read(-back, 40)).as("tail %d", back)
                    .isEqualTo(new LogLines(start, 200_000L, lines.subList(start, Math.min(start + 40, lines.size()))));
        }
    }

    @Test
    void aHugeLineIsCut() throws IOException {
        String huge = "y".repeat(LineBuffer.MAX_LINE_BYTES + 10);
        LogFile log = log("a\n" + huge + "\nb\n", COUNT_ALL);

        List<String> lines = log.read(0, 10).lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("yyy").endsWith(" [... 10 more bytes]");
        assertThat(lines.get(2)).isEqualTo("b");
        assertThat(log.read(-1, 10).lines()).containsExactly("b");
    }

    @Test
    void multiByteCharactersSurviveChunkEdges() throws IOException {
        List<String> lines = IntStream.range(0, 30_000).mapToObj(i -> "枫叶 " + i + " é").toList();
        Path file = dir.resolve("utf8.log");
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThat(new LogFile(file, COUNT_ALL).read(20_000, 5_000).lines()).isEqualTo(lines.subList(20_000, 25_000));
    }

    @Test
    void tailTextKeepsWholeLines() throws IOException {
        assertThat(log("first line\nsecond\nthird\n", COUNT_ALL).tailText(10)).isEqualTo("third\n");
        assertThat(log("short\n", COUNT_ALL).tailText(1000)).isEqualTo("short\n");
        assertThat(new LogFile(dir.resolve("absent.log"), COUNT_ALL).tailText(100)).isEmpty();
    }

    @Test
    void anAbsentLogIsNoSuchFile() {
        assertThatThrownBy(() -> new LogFile(dir.resolve("absent.log"), COUNT_ALL).read(0, 1))
                .isInstanceOf(NoSuchFileException.class);
    }

    private LogFile log(String text, long countLimit) throws IOException {
        Path file = Files.createTempFile(dir, "log", ".log");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new LogFile(file, countLimit);
    }
}
