package io.maple.activities.monitor.yarn;

import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionQuery;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link WatchedExecutions} from MySQL: one search by cluster and status per interval. */
@Component
public class StoreWatchedExecutions implements WatchedExecutions {

    static final List<ExecutionStatus> WATCHED =
            List.of(ExecutionStatus.STARTING, ExecutionStatus.RUNNING, ExecutionStatus.UNKNOWN);
    /** More live executions than this on one cluster would be a misconfiguration, not a workload. */
    static final int LIMIT = 100_000;

    private final ExecutionStore store;

    public StoreWatchedExecutions(ExecutionStore store) {
        this.store = store;
    }

    @Override
    public List<Long> watchedOn(String cluster) {
        return store.search(new ExecutionQuery(WATCHED, cluster, null, null, null, null, null, null, null, null, 0, LIMIT))
                .stream().map(ExecutionRecord::id).toList();
    }
}
