package io.maple.activities.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages of a text log file, read without loading it: a page from line {@code n} scans line ends from
 * the start, a tail scans back from the end, so the last lines of a log cost the same whatever its
 * size. A log that is still being written is read up to its length when the read began.
 */
public final class LogFile {

    private static final int CHUNK = 256 * 1024;
    private static final byte NL = '\n';

    private final Path file;
    private final long countLimit;

    /**
     * @param countLimit logs up to this many bytes are counted for {@link LogLines#total()} whatever
     *                   is read; larger ones only when the read reaches their end anyway
     */
    public LogFile(Path file, long countLimit) {
        this.file = file;
        this.countLimit = countLimit;
    }

    /**
     * Lines {@code [from, from + size)}; a negative {@code from} counts from the end, so {@code -100}
     * starts at the 100th last line. A {@code from} past the end gives no lines and the total.
     *
     * @throws NoSuchFileException where the file does not exist
     */
    public LogLines read(long from, int size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Reader reader = new Reader(channel, channel.size());
            return from >= 0 ? reader.forward(from, size) : reader.tail(-from, size);
        }
    }

    /** The last {@code bytes} of the log in whole lines, for failure reasons; "" where there is none. */
    public String tailText(int bytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            long start = Math.max(0, length - bytes);
            ByteBuffer buffer = ByteBuffer.allocate((int) (length - start));
            new Reader(channel, length).readFully(buffer, start);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return start > 0 && nl >= 0 ? text.substring(nl + 1) : text;
        } catch (NoSuchFileException absent) {
            return "";
        } catch (IOException unreadable) {
            return "(log unreadable: " + unreadable.getMessage() + ")";
        }
    }

    /** The file from its first byte, as far as it has been written when the reading gets there. */
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** One read of the channel up to {@code length}, the file's size when the read began. */
    private final class Reader {

        private final FileChannel channel;
        private final long length;
        private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);

        Reader(FileChannel channel, long length) {
            this.channel = channel;
            this.length = length;
        }

        LogLines forward(long from, int size) throws IOException {
            long start = skipLines(from);
            if (start < 0) {
                return new LogLines(from, -start - 1, List.of());
            }
            Collected page = collect(start, size);
            Long total = null;
            if (page.end() >= length) {
                total = from + page.lines().size();
            } else if (length <= countLimit) {
                total = from + page.lines().size() + countLines(page.end(), length);
            }
            return new LogLines(from, total, page.lines());
        }

        LogLines tail(long count, int size) throws IOException {
            long start = startOfLastLines(count);
            Collected page = collect(start, size);
            if (length > countLimit) {
                return new LogLines(-count, null, page.lines());
            }
            long before = countLines(0, start);
            return new LogLines(before, before + countLines(start, length), page.lines());
        }

        /** The offset where line {@code n} starts, or {@code -(lines in the log) - 1} where it has no line n. */
        private long skipLines(long n) throws IOException {
            if (n == 0) {
                return 0;
            }
            long seen = 0;
            for (long position = 0; position < length; ) {
                int read = readChunk(position);
                byte[] bytes = buffer.array();
                for (int i = 0; i < read; i++) {
                    if (bytes[i] == NL && ++seen == n) {
                        return position + i + 1 < length ? position + i + 1 : -seen - 1;
                    }
                }
                position += read;
            }
            return -(seen + (endsWithoutNewline() ? 1 : 0)) - 1;
        }

        /** The offset of the first of the last {@code count} lines (at most {@code count} lines' worth of bytes back). */
        private long startOfLastLines(long count) throws IOException {
            long limit = endsWithoutNewline() ? length : length - 1; // a final newline ends the last line
            long floor = Math.max(0, limit - count * LineBuffer.MAX_LINE_BYTES);
            long seen = 0;
            long position = limit;
            while (position > floor) {
                long chunkStart = Math.max(floor, position - CHUNK);
                buffer.clear().limit((int) (position - chunkStart));
                readFully(buffer, chunkStart);
                byte[] bytes = buffer.array();
                for (int i = buffer.position() - 1; i >= 0; i--) {
                    if (bytes[i] == NL && ++seen == count) {
                        return chunkStart + i + 1;
                    }
                }
                position = chunkStart;
            }
            return floor;
        }

        /** Up to {@code size} lines from {@code start}, which is the start of a line. */
        private Collected collect(long start, int size) throws IOException {
            List<String> lines = new ArrayList<>();
            LineBuffer line = new LineBuffer();
            long position = start;
            while (position < length) {
                int read = readChunk(position);
                byte[] bytes = buffer.array();
                int lineStart = 0;
                for (int i = 0; i < read; i++) {
                    if (bytes[i] == NL) {
                        line.append(bytes, lineStart, i);
                        lines.add(line.take());
                        lineStart = i + 1;
                        if (lines.size() == size) {
                            return new Collected(lines, position + i + 1);
                        }
                    }
                }
                line.append(bytes, lineStart, read);
                position += read;
            }
            if (line.started()) {
                lines.add(line.take()); // the last line, still without its newline
            }
            return new Collected(lines, length);
        }

        private long countLines(long from, long to) throws IOException {
            long lines = 0;
            for (long position = from; position < to; ) {
                int read = (int) Math.min(readChunk(position), to - position);
                byte[] bytes = buffer.array();
                for (int i = 0; i < read; i++) {
                    if (bytes[i] == NL) {
                        lines++;
                    }
                }
                position += read;
            }
            if (to > from && byteAt(to - 1) != NL) {
                lines++;
            }
            return lines;
        }

        private boolean endsWithoutNewline() throws IOException {
            return length > 0 && byteAt(length - 1) != NL;
        }

        private byte byteAt(long position) throws IOException {
            ByteBuffer one = ByteBuffer.allocate(1);
            readFully(one, position);
            return one.get(0);
        }

        /** Reads the chunk at {@code position} into the buffer (never past {@code length}); returns its size. */
        private int readChunk(long position) throws IOException {
            buffer.clear().limit((int) Math.min(CHUNK, length - position));
            readFully(buffer, position);
            return buffer.position();
        }

        void readFully(ByteBuffer target, long position) throws IOException {
            while (target.hasRemaining()) {
                int read = channel.read(target, position + target.position());
                if (read < 0) {
                    break; // truncated while we read: what is there is all there is
                }
            }
        }
    }

    private record Collected(List<String> lines, long end) {
    }
}
