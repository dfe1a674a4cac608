package io.maple.activities.monitor.yarn;

import io.maple.persistence.execution.ExecutionExtInfoRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.domain.ExecInfo;
import io.maple.activities.monitor.k8s.TemporalObservationSender;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.execution.EngineExecutionWorkflow;
import io.temporal.client.WorkflowClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a changed observation: merges it into the execution's exec_info (seed YARN shape) and
 * signals the execution's workflow ({@link EngineExecutionWorkflow#observe}). exec_info first, so
 * the workflow that reacts to the signal already finds the cluster details in MySQL.
 */
public class WorkflowObservationSink implements ObservationSink {

    private static final Logger log = LoggerFactory.getLogger(WorkflowObservationSink.class);

    private final TemporalObservationSender signals;
    private final ExecutionStore store;
    private final ObjectMapper json;

    public WorkflowObservationSink(WorkflowClient workflows, ExecutionStore store, ObjectMapper json) {
        this.signals = new TemporalObservationSender(workflows);
        this.store = store;
        this.json = json;
    }

    @Override
    public boolean deliver(ClusterObservation observation) {
        long id = observation.executionId();
        try {
            ExecutionExtInfoRecord ext = store.extInfo(id);
            ExecInfo current = ext == null || ext.execInfo() == null ? null : json.readValue(ext.execInfo(), ExecInfo.class);
            store.updateExecInfo(id, json.writeValueAsString(YarnExecInfoBuilder.apply(current, observation)));
        } catch (JsonProcessingException e) {
            log.warn("execution {}: exec_info not updated: {}", id, e.getMessage());
        }
        try {
            signals.send(observation);
            return true;
        } catch (RuntimeException e) {
            log.warn("execution {}: observe signal failed, retried next interval: {}", id, e.toString());
            return false;
        }
    }
}
