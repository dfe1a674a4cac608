package io.maple.activities.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.maple.activities.launch.k8s.K8sFixtures;
import io.maple.activities.launch.k8s.MapleMarkers;
import io.maple.activities.launch.k8s.MapleResourceKind;
import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.persistence.execution.StatusHistoryRecord;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.ExecutionOutcome;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Executions of one engine on one K8S cluster and namespace, run by the real workflow against
 * fabric8's mock API server: submit, wait for the launched resource, play the operator, and read
 * what Maple recorded (status path in MySQL, signals in the workflow's history).
 */
public final class K8sWorkflowRun {

    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkflowHarness harness;
    private final ExecutionStore store;
    private final KubernetesClient k8s;
    private final String cluster;
    private final String namespace;
    private final EngineCategory engine;
    private final MapleResourceKind kind;

    public K8sWorkflowRun(WorkflowHarness harness, ExecutionStore store, KubernetesClient k8s, String cluster,
                          String namespace, EngineCategory engine) {
        this.harness = harness;
        this.store = store;
        this.k8s = k8s;
        this.cluster = cluster;
        this.namespace = namespace;
        this.engine = engine;
        this.kind = engine == EngineCategory.FLINK ? MapleResourceKind.FLINK_DEPLOYMENT
                : MapleResourceKind.SPARK_APPLICATION;
    }

    /** Inserts a CREATED execution; the real plugin of the engine renders its resource at launch. */
    public long create() {
        return harness.create(cluster, namespace, engine, engine == EngineCategory.FLINK ? "1.20.1" : "3.5.5", 1,
                Map.of(), null);
    }

    public long submit() {
        long id = create();
        harness.startWorkflow(id);
        return id;
    }

    public MapleResourceKind kind() {
        return kind;
    }

    public GenericKubernetesResource resource(long id) {
        return k8s.genericKubernetesResources(kind.context()).inNamespace(namespace)
                .withName(MapleMarkers.resourceName(id)).get();
    }

    public List<GenericKubernetesResource> resourcesLabelled(long id) {
        return k8s.genericKubernetesResources(kind.context()).inNamespace(namespace)
                .withLabel(MapleMarkers.ID_LABEL, Long.toString(id)).list().getItems();
    }

    /** Waits for the launch activity to have created the resource. */
    public GenericKubernetesResource awaitResource(long id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        GenericKubernetesResource r = resource(id);
        while (r == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = resource(id);
        }
        assertThat(r).as(kind.kind() + " of execution " + id).isNotNull();
        return r;
    }

    /** Plays the operator: replaces the resource's {@code .status}. */
    public void operator(long id, Map<String, Object> status) {
        K8sFixtures.setStatus(k8s, kind, namespace, id, status);
    }

    public void awaitStatus(long id, ExecutionStatus wanted) {
        harness.awaitStatus(id, wanted, WAIT);
    }

    /** The workflow's result; a workflow that does not end within {@link #WAIT} fails the test rather than hanging it. */
    public ExecutionOutcome result(long id) {
        try {
            return WorkflowStub.fromTyped(harness.workflow(id)).getResult(WAIT.toSeconds(), TimeUnit.SECONDS,
                    ExecutionOutcome.class);
        } catch (TimeoutException e) {
            throw new AssertionError("the workflow of execution " + id + " did not end within " + WAIT
                    + " (status in MySQL: " + store.require(id).status() + ")", e);
        }
    }

    /** The statuses the execution went through, from MySQL's history table. */
    public List<ExecutionStatus> path(long id) {
        return store.history(id).stream().map(StatusHistoryRecord::toStatus).toList();
    }

    public String reason(long id, ExecutionStatus status) {
        return store.history(id).stream().filter(h -> h.toStatus() == status).findFirst()
                .map(StatusHistoryRecord::reason).orElse(null);
    }

    /**
     * Waits until the execution is monitored with its fallback poll deferred (version deferred-poll):
     * the monitoring loop's timer started after the launch, and no poll was scheduled.
     */
    public void awaitMonitoringBeforeAnyPoll(long id) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<HistoryEvent> history = history(id);
            boolean launched = completedActivities(history).contains("Launch");
            boolean waiting = history.stream().anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED);
            if (launched && waiting) {
                assertThat(activities(history)).as("a poll started at once").doesNotContain("AwaitChange");
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("execution " + id + " never waited in its monitoring loop: " + pendingActivities(id));
    }

    private List<PendingActivityInfo> pendingActivities(long id) {
        var service = harness.client().getWorkflowServiceStubs().blockingStub();
        return service.describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(harness.client().getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(WorkflowIds.forExecution(id)))
                .build()).getPendingActivitiesList();
    }

    public List<HistoryEvent> history(long id) {
        return history(harness.client(), id);
    }

    public static List<HistoryEvent> history(WorkflowClient client, long id) {
        return client.fetchHistory(WorkflowIds.forExecution(id)).getEvents();
    }

    /** How many {@code observe} signals (informer deliveries) the workflow received. */
    public static long observeSignals(List<HistoryEvent> history) {
        return history.stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
                .filter(e -> e.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals("observe"))
                .count();
    }

    /** The activity types the workflow scheduled, in order (e.g. Launch, AwaitChange, Kill, Cancel). */
    public static List<String> activities(List<HistoryEvent> history) {
        return history.stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
                .toList();
    }

    /** The activity types that completed (a retried poll completes only when it saw a change). */
    public static List<String> completedActivities(List<HistoryEvent> history) {
        Map<Long, String> scheduled = scheduledTypes(history);
        return history.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
                .map(e -> scheduled.get(e.getActivityTaskCompletedEventAttributes().getScheduledEventId()))
                .toList();
    }

    /** The cluster phases the informers signalled ({@code observe}), in order. */
    public static List<String> signalledPhases(List<HistoryEvent> history) {
        return history.stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
                .filter(e -> e.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals("observe"))
                .flatMap(e -> e.getWorkflowExecutionSignaledEventAttributes().getInput().getPayloadsList().stream())
                .map(K8sWorkflowRun::phase)
                .toList();
    }

    /** The cluster phases the fallback check returned (completed {@code AwaitChange} activities), in order. */
    public static List<String> polledPhases(List<HistoryEvent> history) {
        Map<Long, String> scheduled = scheduledTypes(history);
        return history.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
                .filter(e -> "AwaitChange".equals(
                        scheduled.get(e.getActivityTaskCompletedEventAttributes().getScheduledEventId())))
                .flatMap(e -> e.getActivityTaskCompletedEventAttributes().getResult().getPayloadsList().stream())
                .map(K8sWorkflowRun::phase)
                .toList();
    }

    private static String phase(Payload observation) {
        try {
            return JSON.readTree(observation.getData().toByteArray()).path("phase").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Long, String> scheduledTypes(List<HistoryEvent> history) {
        Map<Long, String> scheduled = new HashMap<>();
        history.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .forEach(e -> scheduled.put(e.getEventId(),
                        e.getActivityTaskScheduledEventAttributes().getActivityType().getName()));
        return scheduled;
    }
}
