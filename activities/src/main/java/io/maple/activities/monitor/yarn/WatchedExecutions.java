package io.maple.activities.monitor.yarn;

import java.util.List;

/** The executions a poller watches on one cluster: those whose app may be alive (STARTING, RUNNING, UNKNOWN). */
public interface WatchedExecutions {

    /** One query per call, whatever the number of executions. */
    List<Long> watchedOn(String cluster);
}
