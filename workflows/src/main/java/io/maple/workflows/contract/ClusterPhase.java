package io.maple.workflows.contract;

/**
 * What a cluster says about an execution's application, before Maple's own state is considered
 * (the workflow decides e.g. START_FAILED vs FAILED from whether the app was ever RUNNING).
 */
public enum ClusterPhase {
    /** Submitted, not running yet (YARN NEW..ACCEPTED, SparkApplication SUBMITTED, ...). */
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Failed before it could start (e.g. SparkApplication SUBMISSION_FAILED with no retry left). */
    START_FAILED,
    KILLED,
    CANCELED,
    /** The cluster answered but has no application for this execution. */
    NOT_FOUND,
    /** The cluster could not be asked. */
    UNREACHABLE;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == START_FAILED || this == KILLED || this == CANCELED;
    }
}
