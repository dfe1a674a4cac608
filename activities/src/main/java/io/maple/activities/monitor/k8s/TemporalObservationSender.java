package io.maple.activities.monitor.k8s;

import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signals {@code observe} to the execution's workflow. The stub is untyped and addressed by
 * workflow id only, so the signal reaches whichever run is current (continue-as-new included).
 */
@Component
public class TemporalObservationSender implements ObservationSender {

    /** Must match the signal method name of {@code EngineExecutionWorkflow#observe}. */
    public static final String SIGNAL = "observe";

    private static final Logger log = LoggerFactory.getLogger(TemporalObservationSender.class);

    // looked up lazily, because modules that scan io.maple.activities without Temporal must still start
    private final Supplier<WorkflowClient> client;

    @Autowired
    public TemporalObservationSender(ObjectProvider<WorkflowClient> client) {
        this.client = client::getIfAvailable;
    }

    public TemporalObservationSender(WorkflowClient client) {
        this.client = () -> client;
    }

    @Override
    public void send(ClusterObservation observation) {
        WorkflowClient workflowClient = client.get();
        if (workflowClient == null) {
            throw new IllegalStateException("no Temporal WorkflowClient in this process");
        }
        String workflowId = WorkflowIds.forExecution(observation.executionId());
        try {
            workflowClient.newUntypedWorkflowStub(workflowId).signal(SIGNAL, observation);
        } catch (WorkflowNotFoundException e) {
            // the workflow already ended (or never started): nobody is waiting for this news
            log.debug("no running workflow {} for observation {}", workflowId, observation.phase());
        }
    }
}
