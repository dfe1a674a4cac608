package io.maple.workflows.admission;

import io.maple.workflows.support.CommittedHistories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays committed admission histories (requests, grants, a withdrawal and releases on one
 * queue, recorded by the activities module's EngineExecutionWorkflowIT) against today's code.
 */
class QueueAdmissionWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"before-steady-check/admission-queue", "admission-queue"})
    void replays(String name) throws Exception {
        CommittedHistories.replay(name, "QueueAdmissionWorkflow", QueueAdmissionWorkflowImpl.class);
    }
}
