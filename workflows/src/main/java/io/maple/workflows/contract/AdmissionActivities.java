package io.maple.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Talks to the per-cluster-queue admission workflow and reads its limit from configuration. */
@ActivityInterface
public interface AdmissionActivities {

    /** signalWithStart on the queue's admission workflow: starts it when absent. */
    @ActivityMethod
    void requestSlot(SlotRequest request);

    @ActivityMethod
    void releaseSlot(SlotRelease release);

    /** signalWithStart: a resumed, already launched execution holds its slot again (QueueAdmissionWorkflow#adopt). */
    @ActivityMethod
    void adoptSlot(SlotRequest request);

    /** The configured concurrency limit of a cluster queue. */
    @ActivityMethod
    int limitFor(String cluster, String clusterQueue);

    /** Of the given executions, those whose workflow is no longer running (their slots are free). */
    @ActivityMethod
    List<Long> closedHolders(List<Long> executionIds);
}
