package io.maple.activities.launch.yarn;

import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationResourceUsageReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/**
 * What Maple keeps of one YARN ApplicationReport: plain values, so pollers, tests and the
 * benchmark's simulated RM do not need Hadoop's protobuf-backed records.
 *
 * @param memoryMb used memory (MB) from the resource usage report, -1 when unknown
 */
public record YarnApp(
        String appId,
        Set<String> tags,
        YarnApplicationState state,
        FinalApplicationStatus finalStatus,
        String diagnostics,
        String trackingUrl,
        long memoryMb,
        int vcores,
        long startTimeMillis,
        long finishTimeMillis,
        String queue,
        String type) {

    public static YarnApp of(ApplicationReport r) {
        ApplicationResourceUsageReport usage = r.getApplicationResourceUsageReport();
        long memory = -1;
        int vcores = -1;
        if (usage != null && usage.getUsedResources() != null) {
            memory = usage.getUsedResources().getMemorySize();
            vcores = usage.getUsedResources().getVirtualCores();
        }
        return new YarnApp(r.getApplicationId().toString(), Set.copyOf(r.getApplicationTags()),
                r.getYarnApplicationState(), r.getFinalApplicationStatus(), r.getDiagnostics(),
                r.getTrackingUrl(), memory, vcores, r.getStartTime(), r.getFinishTime(), r.getQueue(),
                r.getApplicationType());
    }

    public boolean carries(String tag) {
        return tags.contains(tag.toLowerCase(java.util.Locale.ROOT));
    }

    public ClusterPhase phase() {
        return YarnStateMapping.phaseOf(state, finalStatus);
    }

    public ClusterObservation toObservation(long executionId, long observedAtMillis) {
        return observation(executionId, phase(), diagnostics, observedAtMillis);
    }

    /** The observation with a phase and diagnostics decided by Maple (e.g. the STARTING bound). */
    public ClusterObservation observation(long executionId, ClusterPhase phase, String diag, long observedAtMillis) {
        Map<String, String> detail = new LinkedHashMap<>();
        if (queue != null) {
            detail.put("queue", queue);
        }
        if (type != null) {
            detail.put("applicationType", type);
        }
        detail.put("startTime", Long.toString(startTimeMillis));
        if (finishTimeMillis > 0) {
            detail.put("finishTime", Long.toString(finishTimeMillis));
        }
        return new ClusterObservation(executionId, appId, phase, state.name(),
                finalStatus == null ? null : finalStatus.name(), blankToNull(diag), blankToNull(trackingUrl),
                memoryMb < 0 ? null : memoryMb + "MB", vcores < 0 ? null : Integer.toString(vcores),
                Map.copyOf(detail), observedAtMillis);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
