package io.maple.activities.log;

import java.util.List;

/**
 * A page of a log's lines.
 *
 * @param from  the line number (from 0) of the first line given; for a tail of a log too large to
 *              count, the requested negative offset from the end
 * @param total how many lines the log holds, or null where knowing would mean reading all of a large log
 */
public record LogLines(long from, Long total, List<String> lines) {

    public static LogLines empty() {
        return new LogLines(0, 0L, List.of());
    }
}
