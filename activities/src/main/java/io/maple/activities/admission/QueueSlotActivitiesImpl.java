package io.maple.activities.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.config.AdmissionProperties;
import io.maple.activities.persistence.ExecInfoWriter;
import io.maple.persistence.queue.Admission;
import io.maple.persistence.queue.AdmissionOutcome;
import io.maple.persistence.queue.AdmissionRequest;
import io.maple.persistence.queue.Departure;
import io.maple.persistence.queue.DepartureOutcome;
import io.maple.persistence.queue.QueueSlots;
import io.maple.persistence.queue.SlotChange;
import io.maple.workflows.contract.AdmitAnswer;
import io.maple.workflows.contract.AdmitRequest;
import io.maple.workflows.contract.DepartAnswer;
import io.maple.workflows.contract.DepartRequest;
import io.maple.workflows.contract.QueueSlotActivities;
import io.maple.workflows.contract.SlotAnswer;
import io.maple.workflows.contract.SlotGrant;
import io.maple.workflows.contract.SlotRelease;
import io.maple.workflows.contract.SlotRequest;
import io.maple.workflows.contract.TransitionRequest;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.EngineExecutionWorkflow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Queue slots in MySQL ({@link QueueSlots}), limits from configuration, grants told by signal. */
@Component
public class QueueSlotActivitiesImpl implements QueueSlotActivities {

    /** Where a grant told by this class comes from, in its {@link SlotGrant}. */
    public static final String GRANTED_BY = "maple_queue_entry";
    private static final Logger log = LoggerFactory.getLogger(QueueSlotActivitiesImpl.class);

    private final QueueSlots slots;
    private final Admission admission;
    private final Departure departure;
    private final ExecInfoWriter execInfo;
    private final AdmissionProperties limits;
    private final WorkflowClient client;
    private final Counter grantsTold;

    public QueueSlotActivitiesImpl(QueueSlots slots, Admission admission, Departure departure, AdmissionProperties limits,
                                   WorkflowClient client, ObjectMapper json, Clock clock,
                                   ObjectProvider<MeterRegistry> meters) {
        this.slots = slots;
        this.admission = admission;
        this.departure = departure;
        this.execInfo = new ExecInfoWriter(json, clock);
        this.limits = limits;
        this.client = client;
        // the worker has a registry; test contexts without actuator count into a private one
        this.grantsTold = Counter.builder("maple.admission.grants.signalled")
                .description("slot grants signalled to a waiting execution's workflow")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Override
    public SlotAnswer acquireSlot(SlotRequest request) {
        SlotChange change = slots.acquire(request.executionId(), request.cluster(), request.clusterQueue(),
                request.priority(), limits.limitFor(request.cluster(), request.clusterQueue()));
        return new SlotAnswer(change.holds(), change.grantedOthers());
    }

    @Override
    public AdmitAnswer admit(AdmitRequest request) {
        SlotRequest slot = request.slot();
        AdmissionOutcome outcome = admission.admit(new AdmissionRequest(slot.executionId(), slot.cluster(),
                slot.clusterQueue(), slot.priority(), limits.limitFor(slot.cluster(), slot.clusterQueue()),
                request.queuedReason(), request.grantedReason(), request.source()), execInfo::after);
        return new AdmitAnswer(outcome.status(), outcome.holds(), outcome.grantedOthers());
    }

    @Override
    public DepartAnswer depart(DepartRequest request) {
        TransitionRequest t = request.transition();
        SlotRelease release = request.release();
        DepartureOutcome outcome = departure.depart(ExecInfoWriter.toStore(t), execInfo.after(t), release.cluster(),
                release.clusterQueue(), limits.limitFor(release.cluster(), release.clusterQueue()));
        return new DepartAnswer(ExecInfoWriter.toResult(outcome.transition()), outcome.left(), outcome.granted());
    }

    @Override
    public SlotAnswer leaveQueue(SlotRelease release) {
        return new SlotAnswer(false, slots.release(release.executionId(), release.cluster(), release.clusterQueue(),
                limits.limitFor(release.cluster(), release.clusterQueue())));
    }

    @Override
    public void holdSlot(SlotRequest request) {
        slots.adopt(request.executionId(), request.cluster(), request.clusterQueue(), request.priority());
    }

    @Override
    public void notifyGranted(List<Long> executionIds) {
        for (long id : executionIds) {
            try {
                client.newWorkflowStub(EngineExecutionWorkflow.class, WorkflowIds.forExecution(id))
                        .slotGranted(new SlotGrant(GRANTED_BY, id));
                grantsTold.increment();
            } catch (WorkflowNotFoundException e) {
                // its workflow ended or vanished: the reclaim frees the slot, a resumed run finds it held
                log.info("execution {} was granted a slot but its workflow is not running", id);
            }
        }
    }
}
