package io.maple.activities.workflow;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.EngineExecutionWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Temporal knows of an execution's workflow: its latest run's status, or nothing. Asked by the
 * admission workflow's holder check and by the worker's reconcilers.
 */
@Component
public class WorkflowStates {

    private static final Logger log = LoggerFactory.getLogger(WorkflowStates.class);
    private static final String EXECUTION_TYPE = EngineExecutionWorkflow.class.getSimpleName();
    private static final int LIST_PAGE = 1_000;

    private final WorkflowClient client;

    public WorkflowStates(WorkflowClient client) {
        this.client = client;
    }

    /**
     * The executions whose workflow is open, from Temporal's visibility store a page at a time
     * (ListOpenWorkflowExecutions: the old API, which the test server implements too). Visibility
     * lags a start by moments, so an id missing here is no proof: ask {@link #of} before acting on
     * it. Empty when the server does not answer the list; every execution is then asked one by one.
     */
    public Set<Long> openExecutions() {
        Set<Long> ids = new HashSet<>();
        ByteString token = ByteString.EMPTY;
        try {
            do {
                ListOpenWorkflowExecutionsResponse page = client.getWorkflowServiceStubs().blockingStub()
                        .listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
                                .setNamespace(client.getOptions().getNamespace())
                                .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(EXECUTION_TYPE))
                                .setMaximumPageSize(LIST_PAGE)
                                .setNextPageToken(token)
                                .build());
                for (WorkflowExecutionInfo info : page.getExecutionsList()) {
                    String id = info.getExecution().getWorkflowId();
                    if (EXECUTION_TYPE.equals(info.getType().getName()) && WorkflowIds.isExecution(id)) {
                        ids.add(WorkflowIds.executionIdOf(id));
                    }
                }
                token = page.getNextPageToken();
            } while (!token.isEmpty());
        } catch (StatusRuntimeException e) {
            log.info("Temporal did not list open workflows ({}): each execution is looked up alone", e.getStatus());
            return Set.of();
        }
        return ids;
    }

    /** The latest run's status; empty where Temporal has no workflow of that id (never had, or forgot it). */
    public Optional<WorkflowExecutionStatus> of(long executionId) {
        return latest(executionId).map(WorkflowExecutionInfo::getStatus);
    }

    /** The latest run's id; empty where Temporal has no workflow of that id. */
    public Optional<String> newestRunId(long executionId) {
        return latest(executionId).map(info -> info.getExecution().getRunId());
    }

    private Optional<WorkflowExecutionInfo> latest(long executionId) {
        try {
            return Optional.of(client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                    DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace(client.getOptions().getNamespace())
                            .setExecution(WorkflowExecution.newBuilder()
                                    .setWorkflowId(WorkflowIds.forExecution(executionId)))
                            .build()).getWorkflowExecutionInfo());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
