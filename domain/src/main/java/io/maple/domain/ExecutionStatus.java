package io.maple.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an engine execution, and the only place its transitions are drawn.
 *
 * <pre>
 *  CREATED ──► ACCEPTED ──► STARTING ──► RUNNING ──► SUCCEED | FAILED | KILLED | CANCELED
 *     │            │            │  │         ▲ │
 *     │            │            │  └► START_FAILED
 *     └─► CANCELED ◄┘ (also KILLED)  UNKNOWN ◄┘  (cluster not observable; resolves back)
 * </pre>
 *
 * Terminal statuses are sticky: no transition leaves them. A job that ends before Maple saw it
 * running may go straight from STARTING to its outcome.
 */
public enum ExecutionStatus {
    CREATED,
    ACCEPTED,
    STARTING,
    START_FAILED,
    RUNNING,
    SUCCEED,
    FAILED,
    KILLED,
    CANCELED,
    UNKNOWN;

    private Set<ExecutionStatus> successors;

    static {
        CREATED.successors = EnumSet.of(ACCEPTED, CANCELED, KILLED);
        ACCEPTED.successors = EnumSet.of(STARTING, CANCELED, KILLED);
        STARTING.successors = EnumSet.of(RUNNING, START_FAILED, SUCCEED, FAILED, KILLED, CANCELED, UNKNOWN);
        RUNNING.successors = EnumSet.of(SUCCEED, FAILED, KILLED, CANCELED, UNKNOWN);
        UNKNOWN.successors = EnumSet.of(STARTING, RUNNING, START_FAILED, SUCCEED, FAILED, KILLED, CANCELED);
        for (ExecutionStatus terminal : EnumSet.of(START_FAILED, SUCCEED, FAILED, KILLED, CANCELED)) {
            terminal.successors = EnumSet.noneOf(ExecutionStatus.class);
        }
    }

    public boolean isTerminal() {
        return successors.isEmpty();
    }

    public boolean canTransitionTo(ExecutionStatus next) {
        return successors.contains(next);
    }

    public Set<ExecutionStatus> successors() {
        return Collections.unmodifiableSet(successors);
    }

    /** The statuses a compare-and-set to {@code target} may start from. */
    public static Set<ExecutionStatus> predecessorsOf(ExecutionStatus target) {
        EnumSet<ExecutionStatus> result = EnumSet.noneOf(ExecutionStatus.class);
        for (ExecutionStatus s : values()) {
            if (s.canTransitionTo(target)) {
                result.add(s);
            }
        }
        return result;
    }

    /** Statuses in which an application may exist on a cluster and so must be killed, not merely cancelled. */
    public boolean mayHaveClusterApplication() {
        return this == STARTING || this == RUNNING || this == UNKNOWN;
    }
}
