package io.maple.workflows.admission;

import io.maple.workflows.support.CommittedHistories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays committed admission histories (requests, grants, a withdrawal and releases on one
 * queue, recorded by the activities module's EngineExecutionWorkflowIT; a release delivered with the
 * start of a run carrying holders, recorded by its QueueAdmissionIT) against today's code.
 */
class QueueAdmissionWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"before-steady-check/admission-queue", "before-early-releases/admission-queue",
            "admission-queue", "admission-carried-release"})
    void replays(String name) throws Exception {
        CommittedHistories.replay(name, "QueueAdmissionWorkflow", QueueAdmissionWorkflowImpl.class);
    }
}
