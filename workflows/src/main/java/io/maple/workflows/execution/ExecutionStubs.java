package io.maple.workflows.execution;

import io.maple.workflows.contract.AdmissionActivities;
import io.maple.workflows.contract.ClusterActivities;
import io.maple.workflows.contract.ErrorTypes;
import io.maple.workflows.contract.ExecutionActivities;
import io.maple.workflows.contract.ExecutionSnapshot;
import io.maple.workflows.contract.QueueSlotActivities;
import io.maple.workflows.contract.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** The activity stubs an execution's workflow calls, with the timeouts and retries each needs. */
final class ExecutionStubs {

    private static final RetryOptions BOOKKEEPING_RETRY = RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setMaximumInterval(Duration.ofMinutes(1))
            .setDoNotRetry(ErrorTypes.EXECUTION_NOT_FOUND.name())
            .build();
    private static final LocalActivityOptions LOCAL_BOOKKEEPING_OPTIONS = LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            // a database outage is ridden out as with the remote activities it replaces
            .setScheduleToCloseTimeout(Duration.ofHours(2))
            .setRetryOptions(BOOKKEEPING_RETRY)
            .build();

    private ExecutionStubs() {
    }

    /** Status writes: local activities since local-bookkeeping, remote ones in histories from before. */
    static ExecutionActivities store(boolean local) {
        return local ? Workflow.newLocalActivityStub(ExecutionActivities.class, LOCAL_BOOKKEEPING_OPTIONS)
                : Workflow.newActivityStub(ExecutionActivities.class, remoteBookkeeping("persist execution status"));
    }

    /** The queue's admission workflow, for runs begun before table-admission. */
    static AdmissionActivities admissionWorkflow(boolean local) {
        return local ? Workflow.newLocalActivityStub(AdmissionActivities.class, LOCAL_BOOKKEEPING_OPTIONS)
                : Workflow.newActivityStub(AdmissionActivities.class, remoteBookkeeping("cluster queue admission"));
    }

    /** The queue tables in MySQL: one transaction each, retried through a database outage. */
    static QueueSlotActivities queueSlots() {
        return Workflow.newLocalActivityStub(QueueSlotActivities.class, LOCAL_BOOKKEEPING_OPTIONS);
    }

    /** What runs before local-bookkeeping: recorded histories schedule these on the executions queue. */
    private static ActivityOptions remoteBookkeeping(String summary) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.EXECUTIONS)
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setScheduleToCloseTimeout(Duration.ofHours(2))
                .setRetryOptions(BOOKKEEPING_RETRY)
                .setSummary(summary)
                .build();
    }

    static ClusterActivities launcher(ExecutionSnapshot execution) {
        return Workflow.newActivityStub(ClusterActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.forCluster(execution.cluster()))
                // a launch waits at most this long for a worker; adoption makes the retries safe
                .setScheduleToCloseTimeout(Duration.ofMinutes(30))
                .setStartToCloseTimeout(Duration.ofMinutes(5))
                // the activity heartbeats while it blocks: a dead worker is noticed within this
                .setHeartbeatTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(2))
                        .setMaximumInterval(Duration.ofMinutes(1)).setMaximumAttempts(5)
                        .setDoNotRetry(ErrorTypes.LAUNCH_FAILED.name()).build())
                .setSummary("launch execution " + execution.executionId() + " on " + execution.cluster())
                .build());
    }

    static ClusterActivities killer(ExecutionSnapshot execution) {
        return Workflow.newActivityStub(ClusterActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.forCluster(execution.cluster()))
                .setScheduleToCloseTimeout(Duration.ofMinutes(10))
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                .setHeartbeatTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
                        .setMaximumInterval(Duration.ofSeconds(30)).build())
                .setSummary("kill execution " + execution.executionId() + " on " + execution.cluster())
                .build());
    }

    /** The fallback observer: its retry interval is the poll period, so polling adds no history. */
    static ClusterActivities poller(ExecutionSnapshot execution) {
        Duration interval = Duration.ofMillis(execution.settings().pollIntervalMillis());
        return Workflow.newActivityStub(ClusterActivities.class, ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.forCluster(execution.cluster()))
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                // bounded: when it gives up the loop simply starts a new poll
                .setScheduleToCloseTimeout(Duration.ofHours(6))
                .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(interval).setBackoffCoefficient(1.0)
                        .setMaximumInterval(interval).build())
                .setSummary("observe execution " + execution.executionId() + " on " + execution.cluster())
                .build());
    }
}
