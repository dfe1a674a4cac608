package io.maple.activities.launch.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.workflows.contract.ClusterPhase;
import java.util.EnumSet;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.Test;

/** Every (YarnApplicationState, FinalApplicationStatus) pair against the table. */
class YarnStateMappingTest {

    /** The table, written out independently of the switch it checks. */
    private static ClusterPhase expected(YarnApplicationState s, FinalApplicationStatus f) {
        if (EnumSet.of(YarnApplicationState.NEW, YarnApplicationState.NEW_SAVING, YarnApplicationState.SUBMITTED,
                YarnApplicationState.ACCEPTED).contains(s)) {
            return ClusterPhase.PENDING;          // Maple STARTING
        }
        if (s == YarnApplicationState.RUNNING) {
            return ClusterPhase.RUNNING;          // whatever the final status says
        }
        if (s == YarnApplicationState.FINISHED) {
            if (f == FinalApplicationStatus.SUCCEEDED) {
                return ClusterPhase.SUCCEEDED;    // SUCCEED
            }
            if (f == FinalApplicationStatus.KILLED) {
                return ClusterPhase.KILLED;       // KILLED (the workflow makes it CANCELED if Maple cancelled)
            }
            return ClusterPhase.FAILED;           // FAILED / UNDEFINED / ENDED: FAILED (START_FAILED if never RUNNING)
        }
        if (s == YarnApplicationState.FAILED) {
            return ClusterPhase.FAILED;           // any final status
        }
        return ClusterPhase.KILLED;               // YARN KILLED, any final status
    }

    @Test
    void everyStateAndFinalStatusPairMapsAsTheTableSays() {
        int pairs = 0;
        for (YarnApplicationState state : YarnApplicationState.values()) {
            for (FinalApplicationStatus fin : FinalApplicationStatus.values()) {
                assertThat(YarnStateMapping.phaseOf(state, fin)).as("%s + %s", state, fin).isEqualTo(expected(state, fin));
                pairs++;
            }
            assertThat(YarnStateMapping.phaseOf(state, null)).as("%s + null", state)
                    .isEqualTo(expected(state, FinalApplicationStatus.UNDEFINED));
        }
        assertThat(pairs).isEqualTo(8 * 5);
    }

    @Test
    void spotChecksOfTheRowsThatMatterMost() {
        assertThat(YarnStateMapping.phaseOf(YarnApplicationState.FINISHED, FinalApplicationStatus.FAILED))
                .isEqualTo(ClusterPhase.FAILED);
        assertThat(YarnStateMapping.phaseOf(YarnApplicationState.FINISHED, FinalApplicationStatus.UNDEFINED))
                .isEqualTo(ClusterPhase.FAILED);
        assertThat(YarnStateMapping.phaseOf(YarnApplicationState.KILLED, FinalApplicationStatus.UNDEFINED))
                .isEqualTo(ClusterPhase.KILLED);
        assertThat(YarnStateMapping.phaseOf(YarnApplicationState.RUNNING, FinalApplicationStatus.SUCCEEDED))
                .isEqualTo(ClusterPhase.RUNNING);
        assertThat(YarnStateMapping.isTerminal(YarnApplicationState.ACCEPTED)).isFalse();
        assertThat(YarnStateMapping.isTerminal(YarnApplicationState.FAILED)).isTrue();
    }
}
