package io.maple.domain;

/**
 * The seed's queue identity: cluster + cluster queue + from app + group + priority,
 * rendered like {@code hadoop-root.default-schedule-maple-1}.
 */
public record QueueKey(String cluster, String clusterQueue, String fromApp, String group, int priority) {

    public String value() {
        return cluster + "-" + clusterQueue + "-" + fromApp + "-" + group + "-" + priority;
    }

    /** Admission limits apply per cluster queue, whatever the app, group or priority. */
    public String clusterQueueKey() {
        return cluster + "-" + clusterQueue;
    }
}
