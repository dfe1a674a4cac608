package io.maple.activities.monitor.yarn;

import io.maple.activities.launch.LaunchResult;
import io.maple.domain.ExecInfo;
import io.maple.domain.ExecInfo.ClusterInfo;
import io.maple.domain.ExecInfo.RawInfo;
import io.maple.domain.ExecInfo.Resources;
import io.maple.domain.ExecInfo.StatusEntry;
import io.maple.workflows.contract.ClusterObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds a YARN observation into the seed's exec_info document: {@code lastClusterStatus} and
 * {@code clusterInfo.statuses} follow Maple's cluster phase, {@code rawStatus} and
 * {@code rawInfo.statuses} YARN's own words ({@code STATE} or {@code STATE/FINAL_STATUS}), each list
 * growing only when the value changes; {@code clusterInfo.resources} holds the last known usage,
 * {@code clusterInfo.detail} the app id, tracking URL, diagnostics and report details.
 * {@code lastStatus} and {@code startInfo} belong to the workflow and launcher and are kept as they are.
 */
public final class YarnExecInfoBuilder {

    private YarnExecInfoBuilder() {
    }

    public static ExecInfo apply(ExecInfo current, ClusterObservation o) {
        ExecInfo base = current == null ? ExecInfo.empty() : current;
        String time = Instant.ofEpochMilli(o.observedAtMillis()).toString();
        String phase = o.phase().name();
        String raw = rawStatus(o);

        ClusterInfo cluster = base.clusterInfo() == null ? ExecInfo.empty().clusterInfo() : base.clusterInfo();
        List<StatusEntry> clusterStatuses = appendIfChanged(cluster.statuses(),
                new StatusEntry(phase, phase, o.diagnostics(), time));
        Resources resources = o.memory() == null && o.cores() == null
                ? cluster.resources()
                : new Resources(o.memory(), o.cores());
        Map<String, Object> detail = new LinkedHashMap<>(cluster.detail() == null ? Map.of() : cluster.detail());
        put(detail, "appId", o.appId());
        put(detail, "trackingUrl", o.trackingUrl());
        put(detail, "diagnostics", o.diagnostics());
        put(detail, "state", o.rawState());
        put(detail, "finalStatus", o.finalStatus());
        if (o.detail() != null) {
            detail.putAll(o.detail());
        }

        List<StatusEntry> rawStatuses = base.rawInfo() == null ? List.of() : base.rawInfo().statuses();
        if (raw != null) {
            rawStatuses = appendIfChanged(rawStatuses, new StatusEntry(raw, o.rawState(), null, time));
        }
        return new ExecInfo(base.lastStatus(), base.startInfo(), phase,
                new ClusterInfo(clusterStatuses, resources, detail), raw == null ? base.rawStatus() : raw,
                new RawInfo(rawStatuses));
    }

    /**
     * Records a launch in {@code startInfo.statuses}: code SUBMITTED or ADOPTED (a retried launch
     * found the app), the app id as status, the launcher's log tail as message.
     */
    public static ExecInfo launched(ExecInfo current, LaunchResult result, long atMillis) {
        return startEntry(current, new StatusEntry(result.adopted() ? "ADOPTED" : "SUBMITTED", result.appId(),
                result.logTail(), Instant.ofEpochMilli(atMillis).toString()));
    }

    /** Records a launch that failed for good (LaunchFailedException): its message carries the log tail. */
    public static ExecInfo launchFailed(ExecInfo current, String message, long atMillis) {
        return startEntry(current, new StatusEntry("START_FAILED", "START_FAILED", message,
                Instant.ofEpochMilli(atMillis).toString()));
    }

    private static ExecInfo startEntry(ExecInfo current, StatusEntry entry) {
        ExecInfo base = current == null ? ExecInfo.empty() : current;
        List<StatusEntry> statuses = new ArrayList<>(base.startInfo() == null ? List.of() : base.startInfo().statuses());
        statuses.add(entry);
        return new ExecInfo(base.lastStatus(), new ExecInfo.StartInfo(statuses), base.lastClusterStatus(),
                base.clusterInfo(), base.rawStatus(), base.rawInfo());
    }

    static String rawStatus(ClusterObservation o) {
        if (o.rawState() == null) {
            return null;
        }
        return o.finalStatus() == null || o.finalStatus().equals("UNDEFINED")
                ? o.rawState() : o.rawState() + "/" + o.finalStatus();
    }

    private static List<StatusEntry> appendIfChanged(List<StatusEntry> list, StatusEntry entry) {
        List<StatusEntry> out = new ArrayList<>(list == null ? List.of() : list);
        if (out.isEmpty() || !Objects.equals(out.get(out.size() - 1).code(), entry.code())) {
            out.add(entry);
        }
        return out;
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
