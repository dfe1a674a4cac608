package io.maple.activities.launch.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.domain.ExecInfo;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class K8sExecInfoTest {

    @Test
    void observationsFoldIntoTheSeedsK8sShape() throws Exception {
        ExecInfo started = new ExecInfo("STARTING",
                new ExecInfo.StartInfo(List.of(new ExecInfo.StatusEntry("STARTING", "STARTING", "submitted", "2026-01-01T00:00:00Z"))),
                null, null, null, null);

        ExecInfo info = K8sExecInfo.apply(started, observation(ClusterPhase.PENDING, "SUBMITTED", null, 1_000,
                Map.of("kind", "SparkApplication", "namespace", "jobs")));
        // a resync repeats the same state: no new entry
        info = K8sExecInfo.apply(info, observation(ClusterPhase.PENDING, "SUBMITTED", null, 2_000, Map.of()));
        info = K8sExecInfo.apply(info, observation(ClusterPhase.RUNNING, "RUNNING", null, 3_000,
                Map.of("driverPod", "maple-5-driver", "webUI", "http://10.0.0.5:4040")));
        info = K8sExecInfo.apply(info, observation(ClusterPhase.FAILED, "FAILED", "driver OOMKilled", 4_000, Map.of()));

        assertThat(info.lastStatus()).isEqualTo("STARTING");
        assertThat(info.startInfo()).isEqualTo(started.startInfo());
        assertThat(info.lastClusterStatus()).isEqualTo("FAILED");
        assertThat(info.clusterInfo().statuses()).containsExactly(
                new ExecInfo.StatusEntry("PENDING", "SUBMITTED", null, "1970-01-01T00:00:01Z"),
                new ExecInfo.StatusEntry("RUNNING", "RUNNING", null, "1970-01-01T00:00:03Z"),
                new ExecInfo.StatusEntry("FAILED", "FAILED", null, "1970-01-01T00:00:04Z"));
        assertThat(info.clusterInfo().resources()).isEqualTo(new ExecInfo.Resources("2560", "5"));
        assertThat(info.clusterInfo().detail()).containsEntry("driverPod", "maple-5-driver")
                .containsEntry("webUI", "http://10.0.0.5:4040")
                .containsEntry("error", "driver OOMKilled")
                .containsEntry("kind", "SparkApplication");

        JsonNode json = new ObjectMapper().valueToTree(info);
        assertThat(json.has("rawStatus")).isFalse();
        assertThat(json.has("rawInfo")).isFalse();
        assertThat(json.at("/clusterInfo/statuses/1/time").asText()).isEqualTo("1970-01-01T00:00:03Z");
        assertThat(json.at("/clusterInfo/resources/memory").asText()).isEqualTo("2560");
    }

    @Test
    void startsFromNothing() {
        ExecInfo info = K8sExecInfo.apply(null, observation(ClusterPhase.PENDING, "", null, 0, Map.of()));

        assertThat(info.lastClusterStatus()).isEqualTo("PENDING");
        assertThat(info.clusterInfo().statuses()).hasSize(1);
    }

    private static ClusterObservation observation(ClusterPhase phase, String raw, String diagnostics, long at,
                                                  Map<String, String> detail) {
        return new ClusterObservation(5, "maple-5", phase, raw, raw, diagnostics, null, "2560", "5", detail, at);
    }
}
