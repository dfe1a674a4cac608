package io.maple.bench.dispatch;

import io.temporal.activity.ActivityInterface;

/** The baseline's one activity: the same two status writes Maple makes before a launch. */
@ActivityInterface
public interface BareDispatchActivities {

    void markStarting(long executionId);
}
