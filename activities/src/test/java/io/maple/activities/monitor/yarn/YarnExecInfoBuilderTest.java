package io.maple.activities.monitor.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.domain.ExecInfo;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YarnExecInfoBuilderTest {

    private static ClusterObservation obs(ClusterPhase phase, String state, String fin, String memory, long at) {
        return new ClusterObservation(7, "application_1_0001", phase, state, fin, "diag " + state,
                "http://rm/proxy/application_1_0001/", memory, memory == null ? null : "1",
                Map.of("queue", "root.default"), at);
    }

    @Test
    void observationsFoldIntoTheSeedsYarnShape() throws Exception {
        ExecInfo info = null;
        info = YarnExecInfoBuilder.apply(info, obs(ClusterPhase.PENDING, "ACCEPTED", "UNDEFINED", "128MB", 1_000));
        info = YarnExecInfoBuilder.apply(info, obs(ClusterPhase.RUNNING, "RUNNING", "UNDEFINED", "640MB", 2_000));
        info = YarnExecInfoBuilder.apply(info, obs(ClusterPhase.RUNNING, "RUNNING", "UNDEFINED", "640MB", 3_000));
        info = YarnExecInfoBuilder.apply(info, obs(ClusterPhase.SUCCEEDED, "FINISHED", "SUCCEEDED", null, 4_000));

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(info));
        assertThat(json.get("lastClusterStatus").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.get("rawStatus").asText()).isEqualTo("FINISHED/SUCCEEDED");
        assertThat(json.at("/clusterInfo/statuses").findValuesAsText("code"))
                .isEqualTo(List.of("PENDING", "RUNNING", "SUCCEEDED"));
        assertThat(json.at("/clusterInfo/statuses/1/time").asText()).isEqualTo("1970-01-01T00:00:02Z");
        assertThat(json.at("/rawInfo/statuses").findValuesAsText("code"))
                .isEqualTo(List.of("ACCEPTED", "RUNNING", "FINISHED/SUCCEEDED"));
        // the last known usage stays when the finished app reports none
        assertThat(json.at("/clusterInfo/resources/memory").asText()).isEqualTo("640MB");
        assertThat(json.at("/clusterInfo/detail/trackingUrl").asText()).isEqualTo("http://rm/proxy/application_1_0001/");
        assertThat(json.at("/clusterInfo/detail/appId").asText()).isEqualTo("application_1_0001");
        assertThat(json.at("/clusterInfo/detail/diagnostics").asText()).isEqualTo("diag FINISHED");
        assertThat(json.at("/clusterInfo/detail/queue").asText()).isEqualTo("root.default");
    }

    @Test
    void theWorkflowsOwnFieldsAreKept() {
        ExecInfo mine = new ExecInfo("RUNNING", new ExecInfo.StartInfo(List.of(
                new ExecInfo.StatusEntry("0", "SUBMITTED", "ok", "t"))), null, null, null, null);
        ExecInfo out = YarnExecInfoBuilder.apply(mine, obs(ClusterPhase.RUNNING, "RUNNING", "UNDEFINED", "1MB", 0));
        assertThat(out.lastStatus()).isEqualTo("RUNNING");
        assertThat(out.startInfo().statuses()).hasSize(1);
    }

    @Test
    void launchesGoToStartInfoAndClusterObservationsKeepThem() {
        ExecInfo info = YarnExecInfoBuilder.launched(null,
                new io.maple.activities.launch.LaunchResult("application_1_0001", false, null, "submitted ok\n"), 1_000);
        info = YarnExecInfoBuilder.launched(info,
                new io.maple.activities.launch.LaunchResult("application_1_0001", true, null, ""), 2_000);
        info = YarnExecInfoBuilder.apply(info, obs(ClusterPhase.RUNNING, "RUNNING", "UNDEFINED", "1MB", 3_000));

        assertThat(info.startInfo().statuses()).extracting(ExecInfo.StatusEntry::code)
                .containsExactly("SUBMITTED", "ADOPTED");
        assertThat(info.startInfo().statuses().get(0).message()).isEqualTo("submitted ok\n");
        assertThat(info.startInfo().statuses().get(0).status()).isEqualTo("application_1_0001");
        assertThat(info.lastClusterStatus()).isEqualTo("RUNNING");
        assertThat(YarnExecInfoBuilder.launchFailed(null, "exited with code 2", 0).startInfo().statuses())
                .singleElement().extracting(ExecInfo.StatusEntry::code).isEqualTo("START_FAILED");
    }
}
