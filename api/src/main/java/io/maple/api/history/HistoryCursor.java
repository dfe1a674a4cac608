package io.maple.api.history;

import com.google.protobuf.ByteString;
import io.maple.api.web.BadRequestException;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Where the next page of a history starts: Temporal's own page token plus how many events of that
 * server page were already given. A server may answer with more events than asked for (the test
 * server returns a closed run whole), and the client still gets pages of its size.
 */
record HistoryCursor(ByteString serverToken, int skip) {

    static final HistoryCursor START = new HistoryCursor(ByteString.EMPTY, 0);

    /** {@code null} is the run's first page. */
    static HistoryCursor parse(String pageToken) {
        if (pageToken == null) {
            return START;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(pageToken));
            int skip = bytes.getInt();
            if (skip < 0) {
                throw new IllegalArgumentException("negative skip");
            }
            return new HistoryCursor(ByteString.copyFrom(bytes), skip);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new BadRequestException("pageToken", "is not a nextPageToken of this endpoint");
        }
    }

    String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(Integer.BYTES + serverToken.size()).putInt(skip);
        serverToken.copyTo(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
