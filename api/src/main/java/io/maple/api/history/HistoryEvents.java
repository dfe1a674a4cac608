package io.maple.api.history;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns Temporal's history events into {@link HistoryEventView}s: the name of what each event is
 * about and its failure. Events that refer to an earlier one (an activity's start and end to its
 * scheduling) take its name when that event was seen before.
 */
final class HistoryEvents {

    private static final String PREFIX = "EVENT_TYPE_";
    private final Map<Long, String> scheduledNames = new HashMap<>();

    /** Notes what an event names without showing it: an earlier page's activity scheduling. */
    void learn(HistoryEvent e) {
        if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
            remember(e.getEventId(), e.getActivityTaskScheduledEventAttributes().getActivityType().getName());
        }
    }

    HistoryEventView view(HistoryEvent e) {
        return new HistoryEventView(e.getEventId(), typeName(e.getEventType()),
                Instant.ofEpochSecond(e.getEventTime().getSeconds(), e.getEventTime().getNanos()), name(e), detail(e));
    }

    /** {@code EVENT_TYPE_WORKFLOW_EXECUTION_STARTED} -> {@code WorkflowExecutionStarted}. */
    static String typeName(EventType type) {
        StringBuilder name = new StringBuilder();
        for (String word : type.name().substring(PREFIX.length()).split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase());
        }
        return name.toString();
    }

    private String name(HistoryEvent e) {
        return switch (e.getEventType()) {
            case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED ->
                    e.getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName();
            case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> remember(e.getEventId(),
                    e.getActivityTaskScheduledEventAttributes().getActivityType().getName());
            case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
                    scheduledNames.get(e.getActivityTaskStartedEventAttributes().getScheduledEventId());
            case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
                    scheduledNames.get(e.getActivityTaskCompletedEventAttributes().getScheduledEventId());
            case EVENT_TYPE_ACTIVITY_TASK_FAILED ->
                    scheduledNames.get(e.getActivityTaskFailedEventAttributes().getScheduledEventId());
            case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT ->
                    scheduledNames.get(e.getActivityTaskTimedOutEventAttributes().getScheduledEventId());
            case EVENT_TYPE_ACTIVITY_TASK_CANCELED ->
                    scheduledNames.get(e.getActivityTaskCanceledEventAttributes().getScheduledEventId());
            case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> e.getWorkflowExecutionSignaledEventAttributes().getSignalName();
            case EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED ->
                    e.getSignalExternalWorkflowExecutionInitiatedEventAttributes().getSignalName();
            case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED ->
                    e.getWorkflowExecutionUpdateAcceptedEventAttributes().getAcceptedRequest().getInput().getName();
            case EVENT_TYPE_TIMER_STARTED -> e.getTimerStartedEventAttributes().getTimerId();
            case EVENT_TYPE_MARKER_RECORDED -> e.getMarkerRecordedEventAttributes().getMarkerName();
            case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED ->
                    e.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowType().getName();
            default -> null;
        };
    }

    private String remember(long eventId, String name) {
        scheduledNames.put(eventId, name);
        return name;
    }

    private static String detail(HistoryEvent e) {
        return switch (e.getEventType()) {
            case EVENT_TYPE_ACTIVITY_TASK_FAILED -> message(e.getActivityTaskFailedEventAttributes().getFailure());
            case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> message(e.getActivityTaskTimedOutEventAttributes().getFailure());
            case EVENT_TYPE_WORKFLOW_TASK_FAILED -> e.getWorkflowTaskFailedEventAttributes().getCause().name()
                    + ": " + message(e.getWorkflowTaskFailedEventAttributes().getFailure());
            case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED -> message(e.getWorkflowExecutionFailedEventAttributes().getFailure());
            case EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED -> e.getWorkflowExecutionTerminatedEventAttributes().getReason();
            case EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW -> "continued as new in run "
                    + e.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId();
            case EVENT_TYPE_TIMER_STARTED -> "fires after "
                    + e.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds() + " s";
            case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES -> String.join(", ",
                    e.getUpsertWorkflowSearchAttributesEventAttributes().getSearchAttributes().getIndexedFieldsMap()
                            .keySet());
            default -> null;
        };
    }

    /** The failure's message and its causes', as Temporal's UI shows the chain. */
    private static String message(Failure failure) {
        StringBuilder text = new StringBuilder(failure.getMessage());
        for (Failure cause = failure.hasCause() ? failure.getCause() : null; cause != null;
             cause = cause.hasCause() ? cause.getCause() : null) {
            text.append(" <- ").append(cause.getMessage());
        }
        return text.toString();
    }
}
