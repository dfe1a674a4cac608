package io.maple.activities.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.config.WorkflowProperties;
import io.maple.domain.ClusterCategory;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.workflows.contract.EngineReport;
import io.maple.workflows.contract.ErrorTypes;
import io.maple.workflows.contract.ExecutionActivities;
import io.maple.workflows.contract.ExecutionSnapshot;
import io.maple.workflows.contract.TransitionRequest;
import io.maple.workflows.contract.TransitionResult;
import io.maple.workflows.contract.WorkflowSettings;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** The workflow's only way to MySQL: loads the execution and writes status through {@link ExecutionStore}. */
@Component
public class ExecutionActivitiesImpl implements ExecutionActivities {

    private final ExecutionStore store;
    private final ClusterMapper clusters;
    private final ObjectMapper json;
    private final WorkflowProperties properties;
    private final ExecInfoWriter execInfo;

    public ExecutionActivitiesImpl(ExecutionStore store, ClusterMapper clusters, ObjectMapper json,
                                   WorkflowProperties properties, Clock clock) {
        this.store = store;
        this.clusters = clusters;
        this.json = json;
        this.properties = properties;
        this.execInfo = new ExecInfoWriter(json, clock);
    }

    @Override
    public ExecutionSnapshot load(long executionId) {
        ExecutionRecord e = store.find(executionId);
        if (e == null) {
            throw ApplicationFailure.newNonRetryableFailure("execution " + executionId + " does not exist",
                    ErrorTypes.EXECUTION_NOT_FOUND.name());
        }
        ClusterRecord cluster = clusters.findClusterByName(e.cluster());
        ClusterCategory category = cluster == null ? null : cluster.category();
        long poll = (category == ClusterCategory.LOCAL ? properties.localPollInterval()
                : properties.clusterPollInterval()).toMillis();
        return new ExecutionSnapshot(e.id(), e.uniqueId(), e.execName(), e.status(), e.cluster(), category,
                e.clusterQueue(), e.fromApp(), e.execGroup(), e.execUser(),
                e.engineCategory() == null ? null : e.engineCategory().wireName() + "-" + e.engineVersion(),
                e.priority() == null ? 0 : e.priority(), WebhookTargets.parse(json, e.webhooks()),
                new WorkflowSettings(poll, properties.unknownGrace().toMillis(), properties.searchAttributes(),
                        properties.notFoundFailAfter().toMillis()));
    }

    @Override
    public TransitionResult recordTransition(TransitionRequest r) {
        // exec_info is read, extended and written inside the transition's transaction, and only when it wins
        return ExecInfoWriter.toResult(store.transition(ExecInfoWriter.toStore(r), execInfo.after(r)));
    }

    @Override
    public void recordReport(EngineReport report) {
        store.recordHeartbeat(report.executionId());
    }
}
