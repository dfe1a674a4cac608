package io.maple.activities.workflow;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.maple.workflows.contract.WorkflowIds;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What Temporal knows of an execution's workflow: its latest run's status, or nothing. Asked by the
 * admission workflow's holder check and by the worker's reconcilers.
 */
@Component
public class WorkflowStates {

    private final WorkflowClient client;

    public WorkflowStates(WorkflowClient client) {
        this.client = client;
    }

    /** The latest run's status; empty where Temporal has no workflow of that id (never had, or forgot it). */
    public Optional<WorkflowExecutionStatus> of(long executionId) {
        try {
            return Optional.of(client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                    DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace(client.getOptions().getNamespace())
                            .setExecution(WorkflowExecution.newBuilder()
                                    .setWorkflowId(WorkflowIds.forExecution(executionId)))
                            .build()).getWorkflowExecutionInfo().getStatus());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
