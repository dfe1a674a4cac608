package io.maple.api.history;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.maple.api.web.BadRequestException;
import io.maple.activities.workflow.WorkflowStates;
import io.maple.api.web.NotFoundException;
import io.maple.workflows.contract.WorkflowIds;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.client.WorkflowClient;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads an execution's workflow history from Temporal, a page at a time, one run at a time: the
 * newest run unless another is asked for, and on a run's first page the run it continued from, so
 * a reader can walk a continued-as-new chain newest first. Works on the test server and a real one.
 */
@Component
public class WorkflowHistories {

    private final WorkflowClient client;
    private final WorkflowStates workflows;

    public WorkflowHistories(WorkflowClient client, WorkflowStates workflows) {
        this.client = client;
        this.workflows = workflows;
    }

    /**
     * @param runId     null for the newest run
     * @param pageToken null for the run's first page, else a {@code nextPageToken} of an earlier page
     */
    public ExecutionHistoryView page(long executionId, String runId, String pageToken, int size) {
        String workflowId = WorkflowIds.forExecution(executionId);
        String run = runId != null ? runId : newestRun(executionId);
        HistoryCursor cursor = HistoryCursor.parse(pageToken);
        GetWorkflowExecutionHistoryResponse page;
        try {
            page = client.getWorkflowServiceStubs().blockingStub().getWorkflowExecutionHistory(
                    GetWorkflowExecutionHistoryRequest.newBuilder()
                            .setNamespace(client.getOptions().getNamespace())
                            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(run))
                            .setMaximumPageSize(size)
                            .setNextPageToken(cursor.serverToken())
                            .build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                throw new NotFoundException("execution " + executionId + " has no workflow run " + run
                        + " in Temporal");
            }
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                throw new BadRequestException(pageToken != null ? "pageToken" : "run",
                        "refused by Temporal: " + e.getStatus().getDescription());
            }
            throw e;
        }
        List<HistoryEvent> all = page.getHistory().getEventsList();
        int from = Math.min(cursor.skip(), all.size());
        int to = Math.min(from + size, all.size());
        HistoryCursor next = to < all.size() ? new HistoryCursor(cursor.serverToken(), to)
                : page.getNextPageToken().isEmpty() ? null : new HistoryCursor(page.getNextPageToken(), 0);
        HistoryEvents views = new HistoryEvents();
        // the events before this page's first still name the activities this page's events refer to
        all.subList(0, from).forEach(views::learn);
        return new ExecutionHistoryView(executionId, workflowId, run, continuedFrom(all.subList(from, to)),
                all.subList(from, to).stream().map(views::view).toList(), next == null ? null : next.encode());
    }

    private String newestRun(long executionId) {
        return workflows.newestRunId(executionId).orElseThrow(() -> new NotFoundException(
                "Temporal holds no workflow for execution " + executionId
                        + ": it was never started, or Temporal forgot it (the worker resumes it from MySQL)"));
    }

    /** The run a run continued as new from, read from its first event (so on its first page only). */
    private static String continuedFrom(List<HistoryEvent> events) {
        if (events.isEmpty() || events.get(0).getEventType() != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED) {
            return null;
        }
        String previous = events.get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
        return previous.isEmpty() ? null : previous;
    }
}
