package io.maple.workflows.admission;

import io.maple.workflows.contract.SlotRelease;
import io.maple.workflows.contract.SlotRequest;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The entity workflow of one cluster queue: grants launch slots up to the queue's limit, lower
 * priority value first, FIFO (by Maple's own sequence numbers) within a priority. Its id is
 * {@link #workflowId(String, String)}; it is started by signalWithStart and never ends (continue-as-new).
 */
@WorkflowInterface
public interface QueueAdmissionWorkflow {

    static String workflowId(String cluster, String clusterQueue) {
        return "maple-queue-" + cluster + "-" + clusterQueue;
    }

    @WorkflowMethod
    void run(AdmissionState state);

    @SignalMethod
    void request(SlotRequest request);

    @SignalMethod
    void release(SlotRelease release);

    /**
     * An execution resumed past its admission (it was launched before Temporal forgot it) holds a
     * slot again, whatever the limit, so the limit counts it until it releases.
     */
    @SignalMethod
    void adopt(SlotRequest request);

    /** 1-based place of a waiting execution, 0 when it holds a slot, -1 when unknown here. */
    @QueryMethod
    int position(long executionId);

    @QueryMethod
    AdmissionState snapshot();
}
