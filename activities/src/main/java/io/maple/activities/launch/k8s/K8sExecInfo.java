package io.maple.activities.launch.k8s;

import io.maple.domain.ExecInfo;
import io.maple.workflows.contract.ClusterObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds K8s observations into the seed's K8s {@code exec_info} shape: {@code lastClusterStatus},
 * {@code clusterInfo.statuses} (one entry per change, with its time), {@code resources} and
 * {@code detail} (kind, namespace, driverPod, webUI, error, ...). Maple's own statuses
 * ({@code lastStatus}, {@code startInfo}) belong to the workflow and are left as they are;
 * {@code rawStatus}/{@code rawInfo} stay empty for K8s.
 */
public final class K8sExecInfo {

    private K8sExecInfo() {
    }

    public static ExecInfo apply(ExecInfo previous, ClusterObservation observation) {
        ExecInfo base = previous == null ? ExecInfo.empty() : previous;
        ExecInfo.ClusterInfo cluster = base.clusterInfo() == null
                ? new ExecInfo.ClusterInfo(List.of(), null, Map.of()) : base.clusterInfo();

        String status = observation.rawState() == null || observation.rawState().isBlank()
                ? observation.phase().name() : observation.rawState();
        List<ExecInfo.StatusEntry> statuses = new ArrayList<>(cluster.statuses() == null ? List.of() : cluster.statuses());
        ExecInfo.StatusEntry last = statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
        // one entry per change: informer resyncs and fallback checks repeat the same state
        if (last == null || !observation.phase().name().equals(last.code()) || !status.equals(last.status())) {
            statuses.add(new ExecInfo.StatusEntry(observation.phase().name(), status, null,
                    Instant.ofEpochMilli(observation.observedAtMillis()).toString()));
        }

        ExecInfo.Resources resources = observation.memory() != null || observation.cores() != null
                ? new ExecInfo.Resources(observation.memory(), observation.cores()) : cluster.resources();

        Map<String, Object> detail = new LinkedHashMap<>(cluster.detail() == null ? Map.of() : cluster.detail());
        if (observation.detail() != null) {
            detail.putAll(observation.detail());
        }
        if (observation.diagnostics() != null && !observation.diagnostics().isBlank()) {
            detail.put("error", observation.diagnostics());
        }
        return new ExecInfo(base.lastStatus(), base.startInfo(), status,
                new ExecInfo.ClusterInfo(List.copyOf(statuses), resources, detail), null, null);
    }
}
