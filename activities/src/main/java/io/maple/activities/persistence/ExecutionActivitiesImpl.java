package io.maple.activities.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.config.WorkflowProperties;
import io.maple.domain.ClusterCategory;
import io.maple.domain.ExecInfo;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusTransition;
import io.maple.persistence.execution.TransitionOutcome;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.EngineReport;
import io.maple.workflows.contract.ErrorTypes;
import io.maple.workflows.contract.ExecutionActivities;
import io.maple.workflows.contract.ExecutionSnapshot;
import io.maple.workflows.contract.TransitionRequest;
import io.maple.workflows.contract.TransitionResult;
import io.maple.workflows.contract.WorkflowSettings;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The workflow's only way to MySQL: loads the execution and writes status through {@link ExecutionStore}. */
@Component
public class ExecutionActivitiesImpl implements ExecutionActivities {

    private static final EnumSet<ExecutionStatus> BEFORE_RUNNING =
            EnumSet.of(ExecutionStatus.CREATED, ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING,
                    ExecutionStatus.START_FAILED);

    private final ExecutionStore store;
    private final ClusterMapper clusters;
    private final ObjectMapper json;
    private final WorkflowProperties properties;
    private final Clock clock;

    public ExecutionActivitiesImpl(ExecutionStore store, ClusterMapper clusters, ObjectMapper json,
                                   WorkflowProperties properties, Clock clock) {
        this.store = store;
        this.clusters = clusters;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
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
        TransitionOutcome outcome = store.transition(new StatusTransition(r.executionId(), r.to(), r.reason(),
                r.source(), r.expectedFrom(), null), stored -> execInfoAfter(r, stored));
        return new TransitionResult(outcome.applied(), outcome.from(), outcome.current());
    }

    @Override
    public void recordReport(EngineReport report) {
        store.recordHeartbeat(report.executionId());
    }

    /** The seed's exec_info with this transition (and the observation behind it) appended. */
    private String execInfoAfter(TransitionRequest r, String stored) {
        ExecInfo current = ExecInfo.empty();
        if (stored != null) {
            try {
                current = json.readValue(stored, ExecInfo.class);
            } catch (JsonProcessingException e) {
                current = ExecInfo.empty();
            }
        }
        String now = clock.instant().toString();
        ExecInfo.StatusEntry entry = new ExecInfo.StatusEntry(r.to().name(), r.to().name(), r.reason(), now);
        List<ExecInfo.StatusEntry> starts = new ArrayList<>(current.startInfo() == null ? List.of()
                : current.startInfo().statuses());
        ExecInfo.ClusterInfo clusterInfo = current.clusterInfo() == null
                ? new ExecInfo.ClusterInfo(List.of(), null, Map.of()) : current.clusterInfo();
        List<ExecInfo.StatusEntry> clusterStatuses = new ArrayList<>(clusterInfo.statuses() == null ? List.of()
                : clusterInfo.statuses());
        if (BEFORE_RUNNING.contains(r.to())) {
            starts.add(entry);
        }
        ClusterObservation o = r.observation();
        String lastClusterStatus = current.lastClusterStatus();
        String rawStatus = current.rawStatus();
        ExecInfo.Resources resources = clusterInfo.resources();
        Map<String, Object> detail = clusterInfo.detail();
        if (o != null) {
            // the YARN poller and K8s informers write exec_info too: one entry per phase, not one per writer
            ExecInfo.StatusEntry previous = clusterStatuses.isEmpty() ? null : clusterStatuses.get(clusterStatuses.size() - 1);
            if (previous == null || !o.phase().name().equals(previous.status())) {
                clusterStatuses.add(new ExecInfo.StatusEntry(o.rawState(), o.phase().name(), o.diagnostics(), now));
            }
            lastClusterStatus = o.phase().name();
            rawStatus = o.rawState();
            if (o.memory() != null || o.cores() != null) {
                resources = new ExecInfo.Resources(o.memory(), o.cores());
            }
            if (o.detail() != null && !o.detail().isEmpty()) {
                // merged, not replaced: keeps what the observers recorded (appId, trackingUrl, driver pod)
                Map<String, Object> merged = new java.util.LinkedHashMap<>(detail == null ? Map.of() : detail);
                merged.putAll(o.detail());
                detail = merged;
            }
        }
        ExecInfo next = new ExecInfo(r.to().name(), new ExecInfo.StartInfo(starts), lastClusterStatus,
                new ExecInfo.ClusterInfo(clusterStatuses, resources, detail), rawStatus, current.rawInfo());
        try {
            return json.writeValueAsString(next);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
