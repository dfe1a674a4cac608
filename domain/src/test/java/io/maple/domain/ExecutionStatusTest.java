package io.maple.domain;

import static io.maple.domain.ExecutionStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutionStatusTest {

    /** The seed's lifecycle, written out independently of the enum so a change to either shows. */
    private static final Map<ExecutionStatus, Set<ExecutionStatus>> ALLOWED = Map.of(
            CREATED, EnumSet.of(ACCEPTED, CANCELED, KILLED),
            ACCEPTED, EnumSet.of(STARTING, CANCELED, KILLED),
            STARTING, EnumSet.of(RUNNING, START_FAILED, SUCCEED, FAILED, KILLED, CANCELED, UNKNOWN),
            RUNNING, EnumSet.of(SUCCEED, FAILED, KILLED, CANCELED, UNKNOWN),
            UNKNOWN, EnumSet.of(STARTING, RUNNING, START_FAILED, SUCCEED, FAILED, KILLED, CANCELED));

    @Test
    void everyPairIsAllowedExactlyWhenTheLifecycleSaysSo() {
        for (ExecutionStatus from : values()) {
            for (ExecutionStatus to : values()) {
                boolean expected = ALLOWED.getOrDefault(from, Set.of()).contains(to);
                assertThat(from.canTransitionTo(to)).as("%s -> %s", from, to).isEqualTo(expected);
            }
        }
    }

    @Test
    void terminalStatusesAreStickyAndNoStatusLoopsToItself() {
        assertThat(EnumSet.allOf(ExecutionStatus.class)).filteredOn(ExecutionStatus::isTerminal)
                .containsExactlyInAnyOrder(START_FAILED, SUCCEED, FAILED, KILLED, CANCELED);
        for (ExecutionStatus s : values()) {
            assertThat(s.canTransitionTo(s)).isFalse();
            if (s.isTerminal()) {
                assertThat(s.successors()).isEmpty();
            }
        }
    }

    @Test
    void predecessorsAreTheInverseOfSuccessors() {
        assertThat(predecessorsOf(START_FAILED)).containsExactlyInAnyOrder(STARTING, UNKNOWN);
        assertThat(predecessorsOf(ACCEPTED)).containsExactly(CREATED);
        assertThat(predecessorsOf(CREATED)).isEmpty();
        assertThat(predecessorsOf(KILLED)).containsExactlyInAnyOrder(CREATED, ACCEPTED, STARTING, RUNNING, UNKNOWN);
    }

    @Test
    void queueKeyFollowsTheSeedsShape() {
        assertThat(new QueueKey("hadoop", "root.default", "schedule", "maple", 1).value())
                .isEqualTo("hadoop-root.default-schedule-maple-1");
    }
}
