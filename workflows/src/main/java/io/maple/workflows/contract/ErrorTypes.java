package io.maple.workflows.contract;

/** {@code ApplicationFailure} types Maple raises; the names are the contract between activities and workflows. */
public enum ErrorTypes {
    /** The cluster refused the launch for good: the execution becomes START_FAILED. */
    LAUNCH_FAILED,
    /** A poll found nothing new; retried after the poll interval without growing history. */
    NO_CHANGE,
    /** The webhook receiver answered 4xx: retrying would not help. */
    WEBHOOK_REJECTED,
    /** The execution row does not exist. */
    EXECUTION_NOT_FOUND,
    /** A kill or cancel arrived after the execution ended (REST answers 409). */
    ALREADY_TERMINAL
}
