package io.maple.bench.history;

import io.maple.activities.admission.AdmissionActivitiesImpl;
import io.maple.activities.admission.QueueSlotActivitiesImpl;
import io.maple.persistence.queue.Admission;
import io.maple.persistence.queue.Departure;
import io.maple.persistence.queue.QueueSlots;
import io.micrometer.core.instrument.MeterRegistry;
import io.maple.activities.workflow.WorkflowStates;
import io.maple.activities.config.AdmissionProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.config.WorkflowProperties;
import io.maple.activities.persistence.ExecutionActivitiesImpl;
import io.maple.activities.webhook.WebhookActivitiesImpl;
import io.maple.bench.BenchSizes;
import io.maple.bench.Workload;
import io.maple.bench.report.Comparison;
import io.maple.bench.report.Section;
import io.maple.bench.report.Table;
import io.maple.bench.stack.InstantCluster;
import io.maple.bench.stack.MapleStack;
import io.maple.bench.stack.Submitter;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.workflows.admission.QueueAdmissionWorkflowImpl;
import io.maple.workflows.client.ExecutionStarter;
import io.maple.workflows.contract.MapleSearchAttributes;
import io.maple.workflows.contract.TaskQueues;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.EngineExecutionWorkflowImpl;
import io.maple.workflows.execution.ExecutionOutcome;
import io.maple.workflows.webhook.WebhookDeliveryWorkflowImpl;
import io.temporal.api.history.v1.History;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Workflow history events per execution, counted from the real histories: short jobs, and one
 * streaming job that runs for simulated days on Temporal's in-process test server with time
 * skipping. The worker's own activity beans serve it (the admission activity is bound to this
 * server's client); the instant cluster ends each job after its queue's run time.
 */
public final class HistoryWorkload implements Workload {

    public static final String SHORT = "short";
    public static final String STREAMING = "streaming";
    /** Temporal warns at this many events in one workflow run. */
    private static final int WARNING = 10_240;
    private static final int SHORT_GOAL = 60;
    private static final Duration SHORT_RUN = Duration.ofMinutes(2);
    /** The fallback poll's period in this workload (retries add no history; see the report note). */
    private static final Duration FALLBACK_POLL = Duration.ofMinutes(10);

    private final BenchSizes sizes;
    private final Supplier<MapleStack> stack;

    public HistoryWorkload(BenchSizes sizes, Supplier<MapleStack> stack) {
        this.sizes = sizes;
        this.stack = stack;
    }

    /** Worker properties this workload needs: how long its jobs run on the instant cluster. */
    public static void durations(java.util.Map<String, String> properties, Duration streaming) {
        properties.put("maple.bench.instant-cluster.durations." + SHORT, SHORT_RUN.toSeconds() + "s");
        properties.put("maple.bench.instant-cluster.durations." + STREAMING, streaming.toSeconds() + "s");
    }

    /** Events of one workflow over all its runs (continue-as-new). */
    record Runs(int runs, int lastRunEvents, int largestRunEvents, int totalEvents) {
    }

    @Override
    public Section run() throws Exception {
        MapleStack maple = stack.get();
        Submitter submitter = new Submitter(maple);
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            WorkflowClient client = env.getWorkflowClient();
            MapleSearchAttributes.definitions().forEach(env::registerSearchAttribute);
            Worker executions = env.newWorker(TaskQueues.EXECUTIONS);
            executions.registerWorkflowImplementationTypes(EngineExecutionWorkflowImpl.class,
                    QueueAdmissionWorkflowImpl.class, WebhookDeliveryWorkflowImpl.class);
            executions.registerActivitiesImplementations(new ExecutionActivitiesImpl(maple.store(),
                            maple.workerBean(ClusterMapper.class), maple.workerBean(ObjectMapper.class),
                            new WorkflowProperties(Duration.ofSeconds(5), FALLBACK_POLL, Duration.ofMinutes(5), true, Duration.ofMinutes(10)),
                            maple.workerBean(Clock.class)),
                    new AdmissionActivitiesImpl(client, maple.workerBean(AdmissionProperties.class),
                            new WorkflowStates(client)),
                    new QueueSlotActivitiesImpl(maple.workerBean(QueueSlots.class),
                            maple.workerBean(Admission.class), maple.workerBean(Departure.class),
                            maple.workerBean(AdmissionProperties.class), client,
                            maple.workerBean(ObjectMapper.class), maple.workerBean(Clock.class),
                            maple.workerBeans(MeterRegistry.class)),
                    maple.workerBean(WebhookActivitiesImpl.class));
            env.newWorker(TaskQueues.forCluster(MapleStack.CLUSTER))
                    .registerActivitiesImplementations(maple.workerBean(InstantCluster.class));
            env.start();
            ExecutionStarter starter = new ExecutionStarter(client);

            List<Integer> shortEvents = new ArrayList<>();
            for (int i = 0; i < sizes.shortJobs(); i++) {
                long id = submitter.insert("h-short-" + i, SHORT);
                Runs runs = runToEnd(client, starter, id);
                shortEvents.add(runs.largestRunEvents());
            }
            long s0 = System.nanoTime();
            long streamingId = submitter.insert("h-streaming", STREAMING);
            starter.start(streamingId, 3, "bench");
            awaitRunning(maple, streamingId);
            Runs streaming = awaitEnd(client, streamingId);
            double streamingWall = (System.nanoTime() - s0) / 1e9;

            int shortMax = shortEvents.stream().mapToInt(Integer::intValue).max().orElse(0);
            String span = sizes.streamingRun().toHours() % 24 == 0 ? sizes.streamingRun().toDays() + " days"
                    : sizes.streamingRun().toHours() + " h";
            Section section = new Section("5. History",
                    "Events in the execution workflow's history, read back from Temporal (`fetchHistory`): "
                            + sizes.shortJobs() + " short jobs (run " + SHORT_RUN.toMinutes() + " min: RUNNING at "
                            + "launch, SUCCEEDED seen by the fallback poll) and one streaming job running " + span
                            + " simulated (time skipping). No webhooks. **Limit**: Temporal's "
                            + "10,240-event warning per run.");
            section.compare(new Comparison("events, short job (largest)", "events", shortMax, WARNING, "<= 60",
                    shortMax <= SHORT_GOAL));
            section.compare(new Comparison("events, streaming job " + span + " (largest run)", "events",
                    streaming.largestRunEvents(), WARNING, "far below: < 10%",
                    streaming.largestRunEvents() < WARNING / 10));
            section.detail(new Table("workflow", "runs (continue-as-new)", "largest run events", "all runs events")
                    .row("short job (largest of " + shortEvents.size() + ")", 1, shortMax, shortMax)
                    .row("streaming job, " + span, streaming.runs(), streaming.largestRunEvents(),
                            streaming.totalEvents()));
            section.note("A queue's slots are rows in MySQL (`maple_queue_entry`, issue 27): no admission workflow "
                    + "history grows with the executions of a queue or the time a job holds its slot (before, the "
                    + "queue's admission workflow checked its holders every minute while one was held).");
            section.note("The fallback poll runs every " + FALLBACK_POLL.toMinutes() + " min here (60 s by default): "
                    + "its retries add no history, so only the wall time of the simulation depends on it.");
            section.note("Short jobs' events: " + shortEvents + ". The streaming job ended "
                    + maple.store().require(streamingId).status() + " after " + Math.round(streamingWall)
                    + " s of wall time.");
            if (maple.store().require(streamingId).status() != ExecutionStatus.SUCCEED) {
                section.note("**The streaming job did not end SUCCEED.**");
            }
            return section;
        }
    }

    private static Runs runToEnd(WorkflowClient client, ExecutionStarter starter, long id) {
        starter.start(id, 3, "bench");
        return awaitEnd(client, id);
    }

    private static void awaitRunning(MapleStack maple, long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (maple.store().require(id).status() != ExecutionStatus.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("execution " + id + " is " + maple.store().require(id).status());
            }
            Thread.sleep(50);
        }
    }

    private static Runs awaitEnd(WorkflowClient client, long id) {
        // waiting on the result is what lets the test server skip time
        WorkflowStub.fromTyped(client.newWorkflowStub(io.maple.workflows.execution.EngineExecutionWorkflow.class,
                WorkflowIds.forExecution(id))).getResult(ExecutionOutcome.class);
        return runs(client, WorkflowIds.forExecution(id));
    }

    /** Walks back from the latest run through continued-as-new runs. */
    private static Runs runs(WorkflowClient client, String workflowId) {
        WorkflowExecutionHistory latest = client.fetchHistory(workflowId);
        int runs = 0;
        int largest = 0;
        int total = 0;
        WorkflowExecutionHistory run = latest;
        while (run != null) {
            History h = run.getHistory();
            runs++;
            largest = Math.max(largest, h.getEventsCount());
            total += h.getEventsCount();
            String previous = h.getEvents(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
            run = previous.isEmpty() ? null : client.fetchHistory(workflowId, previous);
        }
        return new Runs(runs, latest.getHistory().getEventsCount(), largest, total);
    }
}
