package io.maple.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Persistence for the execution workflow: the one writer path of status (compare-and-set + history). */
@ActivityInterface
public interface ExecutionActivities {

    @ActivityMethod
    ExecutionSnapshot load(long executionId);

    @ActivityMethod
    TransitionResult recordTransition(TransitionRequest request);

    /** Records an engine self-report (heartbeat time; the reported state in exec_info). */
    @ActivityMethod
    void recordReport(EngineReport report);
}
