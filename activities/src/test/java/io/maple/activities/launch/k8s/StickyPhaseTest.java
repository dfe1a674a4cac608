package io.maple.activities.launch.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StickyPhaseTest {

    @ParameterizedTest(name = "{0} then {1} -> {2}")
    @CsvSource({
            "         , PENDING,      PENDING",
            "         , START_FAILED, START_FAILED",
            "PENDING  , RUNNING,      RUNNING",
            "PENDING  , START_FAILED, START_FAILED",
            "RUNNING  , START_FAILED, FAILED",
            "RUNNING  , PENDING,      PENDING",
            "RUNNING  , UNREACHABLE,  UNREACHABLE",
            "UNREACHABLE, RUNNING,    RUNNING",
            "RUNNING  , SUCCEEDED,    SUCCEEDED",
            "NOT_FOUND, FAILED,       FAILED",
    })
    void nonTerminalPhasesMove(ClusterPhase previous, ClusterPhase next, ClusterPhase expected) {
        assertThat(StickyPhase.merge(previous, next)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = ClusterPhase.class, names = {"SUCCEEDED", "FAILED", "START_FAILED", "KILLED", "CANCELED"})
    void terminalPhasesNeverMove(ClusterPhase terminal) {
        for (ClusterPhase next : ClusterPhase.values()) {
            assertThat(StickyPhase.merge(terminal, next)).as("%s then %s", terminal, next).isEqualTo(terminal);
        }
    }

    @Test
    void anOperatorFlippingAFinishedAppBackKeepsThePreviousObservation() {
        ClusterObservation done = observation(ClusterPhase.SUCCEEDED, "COMPLETED");
        ClusterObservation rerun = observation(ClusterPhase.PENDING, "PENDING_RERUN");

        assertThat(StickyPhase.merge(done, rerun)).isSameAs(done);
        assertThat(StickyPhase.merge(null, rerun)).isSameAs(rerun);
    }

    @Test
    void aJobThatRanCannotFailToStart() {
        ClusterObservation merged = StickyPhase.merge(observation(ClusterPhase.RUNNING, "RUNNING"),
                observation(ClusterPhase.START_FAILED, "ERROR"));

        assertThat(merged.phase()).isEqualTo(ClusterPhase.FAILED);
        assertThat(merged.rawState()).isEqualTo("ERROR");
    }

    @Test
    void sameContentIgnoresOnlyTheObservationTime() {
        ClusterObservation a = observation(ClusterPhase.RUNNING, "RUNNING");
        ClusterObservation later = new ClusterObservation(7, "maple-7", ClusterPhase.RUNNING, "RUNNING", null, null,
                null, null, null, Map.of(), 999);

        assertThat(StickyPhase.sameContent(a, later)).isTrue();
        assertThat(StickyPhase.sameContent(a, observation(ClusterPhase.RUNNING, "FAILING"))).isFalse();
    }

    private static ClusterObservation observation(ClusterPhase phase, String raw) {
        return new ClusterObservation(7, "maple-7", phase, raw, null, null, null, null, null, Map.of(), 1);
    }
}
