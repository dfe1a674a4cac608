package io.maple.activities.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * One stream of an execution's log from its first byte, open for a download: read as it is sent, never
 * held whole. Whoever opens it closes it.
 *
 * @param source where it is read from, as in {@link LogPage#source()}
 */
public record OpenedLog(String source, InputStream content) implements Closeable {

    @Override
    public void close() throws IOException {
        content.close();
    }
}
