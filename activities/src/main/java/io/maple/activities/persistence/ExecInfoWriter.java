package io.maple.activities.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.domain.ExecInfo;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.StatusTransition;
import io.maple.persistence.execution.TransitionOutcome;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.TransitionRequest;
import io.maple.workflows.contract.TransitionResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The seed's exec_info document of an execution: the statuses before RUNNING, the cluster's phases
 * and what the observers saw. Rewritten inside each status change's transaction, where it wins.
 */
public final class ExecInfoWriter {

    private static final EnumSet<ExecutionStatus> BEFORE_RUNNING =
            EnumSet.of(ExecutionStatus.CREATED, ExecutionStatus.ACCEPTED, ExecutionStatus.STARTING,
                    ExecutionStatus.START_FAILED);

    private final ObjectMapper json;
    private final Clock clock;

    public ExecInfoWriter(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The document after {@code transition}, from the one stored, for the transition's own transaction. */
    public UnaryOperator<String> after(TransitionRequest transition) {
        return stored -> after(stored, transition.to(), transition.reason(), transition.observation());
    }

    /** The document after a status change written without an observation. */
    public UnaryOperator<String> after(StatusTransition transition) {
        return stored -> after(stored, transition.to(), transition.reason(), null);
    }

    /** {@code stored} (null when none yet) with a status change, and the observation behind it (or null), appended. */
    public String after(String stored, ExecutionStatus to, String reason, ClusterObservation o) {
        ExecInfo current = ExecInfo.empty();
        if (stored != null) {
            try {
                current = json.readValue(stored, ExecInfo.class);
            } catch (JsonProcessingException e) {
                current = ExecInfo.empty();
            }
        }
        String now = clock.instant().toString();
        ExecInfo.StatusEntry entry = new ExecInfo.StatusEntry(to.name(), to.name(), reason, now);
        List<ExecInfo.StatusEntry> starts = new ArrayList<>(current.startInfo() == null ? List.of()
                : current.startInfo().statuses());
        ExecInfo.ClusterInfo clusterInfo = current.clusterInfo() == null
                ? new ExecInfo.ClusterInfo(List.of(), null, Map.of()) : current.clusterInfo();
        List<ExecInfo.StatusEntry> clusterStatuses = new ArrayList<>(clusterInfo.statuses() == null ? List.of()
                : clusterInfo.statuses());
        if (BEFORE_RUNNING.contains(to)) {
            starts.add(entry);
        }
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
        ExecInfo next = new ExecInfo(to.name(), new ExecInfo.StartInfo(starts), lastClusterStatus,
                new ExecInfo.ClusterInfo(clusterStatuses, resources, detail), rawStatus, current.rawInfo());
        try {
            return json.writeValueAsString(next);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The store's form of a workflow's transition request (exec_info comes from {@link #after}). */
    public static StatusTransition toStore(TransitionRequest t) {
        return new StatusTransition(t.executionId(), t.to(), t.reason(), t.source(), t.expectedFrom(), null);
    }

    /** The workflow's form of what the store's compare-and-set did. */
    public static TransitionResult toResult(TransitionOutcome outcome) {
        return new TransitionResult(outcome.applied(), outcome.from(), outcome.current());
    }
}
