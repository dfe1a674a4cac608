package io.maple.workflows.client;

import io.maple.workflows.contract.TaskQueues;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.EngineExecutionWorkflow;
import io.maple.workflows.execution.ExecutionInput;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.Priority;
import java.util.Map;

/**
 * Starts an execution's workflow. Used by the API right after the insert and by the worker's
 * reconciler; USE_EXISTING makes a second start (retried submit, reconciler race) a no-op.
 */
public class ExecutionStarter {

    private final WorkflowClient client;

    public ExecutionStarter(WorkflowClient client) {
        this.client = client;
    }

    /** Temporal priority keys run 1 (first) to 5; Maple priorities outside are clamped. */
    public static int temporalPriorityKey(int maplePriority) {
        return Math.max(1, Math.min(5, maplePriority));
    }

    public WorkflowExecution start(long executionId, int priority, String execName) {
        EngineExecutionWorkflow workflow = client.newWorkflowStub(EngineExecutionWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(WorkflowIds.forExecution(executionId))
                        .setTaskQueue(TaskQueues.EXECUTIONS)
                        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                        .setPriority(Priority.newBuilder().setPriorityKey(temporalPriorityKey(priority)).build())
                        .setMemo(Map.of("execName", execName == null ? "" : execName))
                        .setStaticSummary("execution " + executionId + (execName == null ? "" : " " + execName))
                        .build());
        return WorkflowClient.start(workflow::run, new ExecutionInput(executionId));
    }
}
