package io.maple.bench.dispatch;

import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusTransition;

/** CREATED -> ACCEPTED -> STARTING through the same compare-and-set writer Maple's activities use. */
public class BareDispatchActivitiesImpl implements BareDispatchActivities {

    private final ExecutionStore store;

    public BareDispatchActivitiesImpl(ExecutionStore store) {
        this.store = store;
    }

    @Override
    public void markStarting(long executionId) {
        store.transition(StatusTransition.to(executionId, ExecutionStatus.ACCEPTED, "bare", "bench"));
        store.transition(StatusTransition.to(executionId, ExecutionStatus.STARTING, "bare", "bench"));
    }
}
