package io.maple.activities.admission;

import io.maple.activities.config.AdmissionProperties;
import io.maple.activities.workflow.WorkflowStates;
import io.maple.workflows.admission.AdmissionState;
import io.maple.workflows.admission.QueueAdmissionWorkflow;
import io.maple.workflows.contract.AdmissionActivities;
import io.maple.workflows.contract.SlotRelease;
import io.maple.workflows.contract.SlotRequest;
import io.maple.workflows.contract.TaskQueues;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** signalWithStart on the queue's admission workflow, its limit from configuration, holder liveness. */
@Component
public class AdmissionActivitiesImpl implements AdmissionActivities {

    private final WorkflowClient client;
    private final AdmissionProperties properties;
    private final WorkflowStates workflows;

    public AdmissionActivitiesImpl(WorkflowClient client, AdmissionProperties properties, WorkflowStates workflows) {
        this.client = client;
        this.properties = properties;
        this.workflows = workflows;
    }

    @Override
    public void requestSlot(SlotRequest request) {
        signalWithStart(request.cluster(), request.clusterQueue(), w -> w.request(request));
    }

    @Override
    public void releaseSlot(SlotRelease release) {
        signalWithStart(release.cluster(), release.clusterQueue(), w -> w.release(release));
    }

    @Override
    public void adoptSlot(SlotRequest request) {
        signalWithStart(request.cluster(), request.clusterQueue(), w -> w.adopt(request));
    }

    @Override
    public int limitFor(String cluster, String clusterQueue) {
        return properties.limitFor(cluster, clusterQueue);
    }

    @Override
    public List<Long> closedHolders(List<Long> executionIds) {
        return executionIds.stream().filter(id -> workflows.of(id)
                .filter(status -> status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING).isEmpty())
                .toList();
    }

    private void signalWithStart(String cluster, String clusterQueue, Consumer<QueueAdmissionWorkflow> signal) {
        QueueAdmissionWorkflow workflow = client.newWorkflowStub(QueueAdmissionWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(QueueAdmissionWorkflow.workflowId(cluster, clusterQueue))
                        .setTaskQueue(TaskQueues.EXECUTIONS)
                        .setStaticSummary("admission for " + cluster + " / " + clusterQueue)
                        .build());
        BatchRequest batch = client.newSignalWithStartRequest();
        batch.add(workflow::run, AdmissionState.initial(cluster, clusterQueue));
        batch.add(() -> signal.accept(workflow));
        client.signalWithStart(batch);
    }
}
