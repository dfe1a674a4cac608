package io.maple.api.workflow;

import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionExtInfoRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.queue.QueueSlots;
import io.maple.workflows.admission.QueueAdmissionWorkflow;
import io.maple.workflows.client.ExecutionStarter;
import io.maple.workflows.contract.EngineReport;
import io.maple.workflows.contract.ErrorTypes;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.EngineExecutionWorkflow;
import io.maple.workflows.execution.ExecutionState;
import io.maple.workflows.execution.StopRequest;
import io.maple.workflows.execution.StopResult;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API's side of the execution workflows: start one right after the insert, and send kill,
 * cancel and engine reports to it. A stop on a terminal execution is a 409.
 */
@Service
public class ExecutionWorkflows {

    private final WorkflowClient client;
    private final ExecutionStarter starter;
    private final ExecutionStore store;
    private final QueueSlots slots;
    private final Clock clock;

    public ExecutionWorkflows(WorkflowClient client, ExecutionStore store, QueueSlots slots, Clock clock) {
        this.client = client;
        this.starter = new ExecutionStarter(client);
        this.store = store;
        this.slots = slots;
        this.clock = clock;
    }

    /** Starts the execution's workflow (USE_EXISTING: calling it twice starts one). Call after the insert. */
    public WorkflowExecution start(ExecutionRecord execution) {
        return starter.start(execution.id(), execution.priority() == null ? 0 : execution.priority(),
                execution.execName());
    }

    public StopResult kill(long id, StopRequest request) {
        return stop(id, w -> w.kill(request));
    }

    public StopResult cancel(long id, StopRequest request) {
        return stop(id, w -> w.cancel(request));
    }

    /** An engine's self-report: the heartbeat is written at once, the status goes to the workflow. */
    public void report(long id, String status, String message) {
        ExecutionRecord execution = require(id);
        store.recordHeartbeat(id);
        if (status == null || execution.status().isTerminal()) {
            return;
        }
        try {
            workflow(id).report(new EngineReport(id, status, message, clock.millis()));
        } catch (WorkflowNotFoundException e) {
            throw conflict(require(id));
        }
    }

    /** A new execution with the same request, linked to the original by {@code rerun_of}; started at once. */
    public ExecutionRecord rerun(long id, String uniqueId) {
        ExecutionRecord original = require(id);
        ExecutionExtInfoRecord ext = store.extInfo(id);
        String newUniqueId = uniqueId != null ? uniqueId : original.uniqueId() + "-rerun-" + UUID.randomUUID();
        ExecutionRecord existing = store.findByAppAndUniqueId(original.fromApp(), newUniqueId);
        if (existing != null) {
            // a retried rerun with the caller's id: the same execution again
            start(existing);
            return existing;
        }
        ExecutionRecord draft = new ExecutionRecord(null, newUniqueId, original.execName(), original.execComment(),
                original.fromApp(), original.cluster(), original.clusterQueue(), original.engineCategory(),
                original.engineVersion(), original.priority(), null, original.execGroup(), original.execUser(),
                original.webhooks(), original.requestType(), original.execType(), original.id(), null, null, null,
                null, null, null);
        ExecutionRecord created = store.create(draft, ext == null ? null : ext.configuration(),
                ext == null ? null : ext.extInfo(), "api-rerun");
        start(created);
        return created;
    }

    /** The workflow's live state plus, while ACCEPTED, the place in its cluster queue (1 = next). */
    public LiveState state(long id) {
        require(id);
        ExecutionState state = workflow(id).state();
        Integer position = null;
        if (state.status() == ExecutionStatus.ACCEPTED && state.tableAdmission()) {
            position = (int) slots.position(id);
        } else if (state.status() == ExecutionStatus.ACCEPTED && state.execution() != null) {
            // admitted before version table-admission: its queue's admission workflow knows
            position = client.newWorkflowStub(QueueAdmissionWorkflow.class, QueueAdmissionWorkflow.workflowId(
                    state.execution().cluster(), state.execution().clusterQueue())).position(id);
        }
        return new LiveState(state, position);
    }

    /** Live state as the API shows it. */
    public record LiveState(ExecutionState state, Integer queuePosition) {
    }

    private StopResult stop(long id, Function<EngineExecutionWorkflow, StopResult> call) {
        ExecutionRecord execution = require(id);
        if (execution.status().isTerminal()) {
            throw conflict(execution);
        }
        try {
            return call.apply(workflow(id));
        } catch (WorkflowUpdateException e) {
            if (e.getCause() instanceof ApplicationFailure af
                    && ErrorTypes.ALREADY_TERMINAL.name().equals(af.getType())) {
                throw conflict(require(id));
            }
            throw e;
        } catch (WorkflowNotFoundException e) {
            ExecutionRecord now = require(id);
            if (now.status().isTerminal()) {
                throw conflict(now);
            }
            // CREATED whose start was lost: start it now, then stop it
            start(now);
            return call.apply(workflow(id));
        }
    }

    private EngineExecutionWorkflow workflow(long id) {
        return client.newWorkflowStub(EngineExecutionWorkflow.class, WorkflowIds.forExecution(id));
    }

    private ExecutionRecord require(long id) {
        ExecutionRecord execution = store.find(id);
        if (execution == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "execution " + id + " does not exist");
        }
        return execution;
    }

    private static ResponseStatusException conflict(ExecutionRecord execution) {
        return new ResponseStatusException(HttpStatus.CONFLICT,
                "execution " + execution.id() + " is already " + execution.status());
    }
}
