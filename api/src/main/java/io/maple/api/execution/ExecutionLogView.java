package io.maple.api.execution;

import java.util.List;

/**
 * A page of an execution's log.
 *
 * @param from     the line number (from 0) of the first line; the requested negative offset where the log is
 *                 too large to count and the page is its tail
 * @param total    the lines in the log; null where counting would mean reading all of a large log
 * @param source   where it was read: {@code local}, {@code yarn-live}, {@code yarn-aggregated}, {@code k8s-pod}
 * @param complete the execution has ended: the log will not grow
 */
record ExecutionLogView(long id, String stream, long from, Long total, List<String> lines, String source,
                        boolean complete) {
}
