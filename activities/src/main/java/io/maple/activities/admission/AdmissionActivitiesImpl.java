package io.maple.activities.admission;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.maple.activities.config.AdmissionProperties;
import io.maple.workflows.admission.AdmissionState;
import io.maple.workflows.admission.QueueAdmissionWorkflow;
import io.maple.workflows.contract.AdmissionActivities;
import io.maple.workflows.contract.SlotRelease;
import io.maple.workflows.contract.SlotRequest;
import io.maple.workflows.contract.TaskQueues;
import io.maple.workflows.contract.WorkflowIds;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** signalWithStart on the queue's admission workflow, its limit from configuration, holder liveness. */
@Component
public class AdmissionActivitiesImpl implements AdmissionActivities {

    private final WorkflowClient client;
    private final AdmissionProperties properties;

    public AdmissionActivitiesImpl(WorkflowClient client, AdmissionProperties properties) {
        this.client = client;
        this.properties = properties;
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
        List<Long> closed = new ArrayList<>();
        for (Long id : executionIds) {
            DescribeWorkflowExecutionRequest describe = DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId(WorkflowIds.forExecution(id)))
                    .build();
            try {
                WorkflowExecutionStatus status = client.getWorkflowServiceStubs().blockingStub()
                        .describeWorkflowExecution(describe).getWorkflowExecutionInfo().getStatus();
                if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                    closed.add(id);
                }
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                    throw e;
                }
                closed.add(id);
            }
        }
        return closed;
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
