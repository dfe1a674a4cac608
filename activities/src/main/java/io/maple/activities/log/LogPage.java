package io.maple.activities.log;

/**
 * A page of an execution's log and where it came from.
 *
 * @param source {@code local}, {@code yarn-live}, {@code yarn-aggregated} or {@code k8s-pod}
 */
public record LogPage(String source, LogLines lines) {
}
