package io.maple.workflows.admission;

import io.maple.workflows.support.CommittedHistories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays committed admission histories (requests, grants, a withdrawal and releases on one
 * queue, recorded by the activities module's EngineExecutionWorkflowIT; a release delivered with the
 * start of a run carrying holders, and a run that continued as new after 1,000 events, recorded by its
 * QueueAdmissionIT, as are requests of one priority arriving out of submission order) against today's code.
 */
class QueueAdmissionWorkflowReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"before-steady-check/admission-queue", "before-early-releases/admission-queue",
            "before-short-runs/admission-queue", "before-short-runs/admission-carried-release", "admission-queue",
            "admission-carried-release", "admission-continued-early", "admission-submission-order"})
    void replays(String name) throws Exception {
        CommittedHistories.replay(name, "QueueAdmissionWorkflow", QueueAdmissionWorkflowImpl.class);
    }
}
