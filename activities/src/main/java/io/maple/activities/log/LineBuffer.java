package io.maple.activities.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The log line being assembled from bytes, cut at {@link #MAX_LINE_BYTES}; a final {@code \r} is dropped. */
final class LineBuffer {

    /** Longer lines are cut: an engine printing a whole dataset on one line must not exhaust memory. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long dropped;
    private boolean started;

    void append(byte[] source, int from, int to) {
        started |= to > from;
        int room = MAX_LINE_BYTES - bytes.size();
        int kept = Math.max(0, Math.min(room, to - from));
        bytes.write(source, from, kept);
        dropped += (to - from) - kept;
    }

    /** Whether bytes came since the last line ended: a last line without its newline. */
    boolean started() {
        return started;
    }

    String take() {
        int size = bytes.size();
        byte[] raw = bytes.toByteArray();
        if (size > 0 && raw[size - 1] == '\r' && dropped == 0) {
            size--;
        }
        String text = new String(raw, 0, size, StandardCharsets.UTF_8);
        if (dropped > 0) {
            text += " [... " + dropped + " more bytes]";
        }
        bytes.reset();
        dropped = 0;
        started = false;
        return text;
    }
}
