package io.maple.bench.dispatch;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** One activity, started on the baseline's own task queue. */
public class BareDispatchWorkflowImpl implements BareDispatchWorkflow {

    private final BareDispatchActivities activities = Workflow.newActivityStub(BareDispatchActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build()).build());

    @Override
    public void run(long executionId) {
        activities.markStarting(executionId);
    }
}
