package io.maple.activities.log;

import io.maple.domain.ClusterCategory;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;

/** Where the logs of executions on one category of cluster are read from: one per category. */
public interface ExecutionLogSource {

    ClusterCategory category();

    /**
     * A page of one stream of the execution's log (see {@link LogFile#read} for {@code from} and {@code size}).
     *
     * @throws LogNotFoundException where the cluster keeps no such log (yet)
     */
    LogPage read(ExecutionRecord execution, ClusterRecord cluster, LogStream stream, long from, int size);

    /**
     * The whole of one stream from its first byte, for a download; a log still being written is read as
     * far as it has been when the reading gets there.
     *
     * @throws LogNotFoundException where the cluster keeps no such log (yet)
     */
    OpenedLog open(ExecutionRecord execution, ClusterRecord cluster, LogStream stream);
}
