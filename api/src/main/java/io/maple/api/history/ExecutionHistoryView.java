package io.maple.api.history;

import java.util.List;

/**
 * A page of one run of an execution's workflow history, oldest event first.
 *
 * @param runId              the run these events belong to (the newest one unless asked for another)
 * @param continuedFromRunId the run this one continued as new from: ask for it with {@code run=}; known on
 *                           the run's first page only, null there when the run is the first
 * @param nextPageToken      the rest of this run, ask with {@code pageToken=}; null when this page ends it
 */
public record ExecutionHistoryView(long id, String workflowId, String runId, String continuedFromRunId,
                                   List<HistoryEventView> events, String nextPageToken) {
}
