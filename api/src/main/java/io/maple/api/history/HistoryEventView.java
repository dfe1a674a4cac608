package io.maple.api.history;

import java.time.Instant;

/**
 * One event of a workflow's history as the console shows it.
 *
 * @param type   the event type without its prefix, e.g. {@code WorkflowExecutionStarted}
 * @param name   what the event is about: the activity, signal, update, timer, marker, child or workflow type
 * @param detail what went wrong or what it waits for: a failure's message, a timeout, a termination reason
 */
public record HistoryEventView(long eventId, String type, Instant time, String name, String detail) {
}
