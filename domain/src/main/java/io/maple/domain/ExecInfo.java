package io.maple.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The seed's {@code exec_info} document (YARN and K8s shapes; K8s leaves {@code rawStatus} and
 * {@code rawInfo} empty). Stored as JSON in {@code maple_engine_execution_ext_info.exec_info}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecInfo(
        String lastStatus,
        StartInfo startInfo,
        String lastClusterStatus,
        ClusterInfo clusterInfo,
        String rawStatus,
        RawInfo rawInfo) {

    public static ExecInfo empty() {
        return new ExecInfo(null, new StartInfo(List.of()), null,
                new ClusterInfo(List.of(), null, Map.of()), null, null);
    }

    /** One entry of a status list; {@code time} is ISO-8601 UTC. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusEntry(String code, String status, String message, String time) {
    }

    public record StartInfo(List<StatusEntry> statuses) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClusterInfo(List<StatusEntry> statuses, Resources resources, Map<String, Object> detail) {
    }

    public record Resources(String memory, String cores) {
    }

    public record RawInfo(List<StatusEntry> statuses) {
    }
}
