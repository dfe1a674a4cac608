package io.maple.activities.log;

import io.maple.domain.ClusterCategory;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** An execution's log, read from the source its cluster's category keeps it in. */
public class ExecutionLogs {

    private final Map<ClusterCategory, ExecutionLogSource> sources = new EnumMap<>(ClusterCategory.class);

    public ExecutionLogs(List<ExecutionLogSource> sources) {
        sources.forEach(source -> this.sources.put(source.category(), source));
    }

    /** @throws LogNotFoundException where the cluster keeps no such log (yet) */
    public LogPage read(ExecutionRecord execution, ClusterRecord cluster, LogStream stream, long from, int size) {
        return sourceOf(cluster).read(execution, cluster, stream, from, size);
    }

    /** The whole stream, for a download; the caller closes it. @throws LogNotFoundException as {@link #read} */
    public OpenedLog open(ExecutionRecord execution, ClusterRecord cluster, LogStream stream) {
        return sourceOf(cluster).open(execution, cluster, stream);
    }

    private ExecutionLogSource sourceOf(ClusterRecord cluster) {
        ExecutionLogSource source = sources.get(cluster.category());
        if (source == null) {
            throw new LogNotFoundException("logs of executions on " + cluster.category() + " clusters are not "
                    + "readable through Maple yet");
        }
        return source;
    }
}
