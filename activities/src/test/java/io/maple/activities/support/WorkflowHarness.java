package io.maple.activities.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.admission.AdmissionActivitiesImpl;
import io.maple.activities.admission.QueueSlotActivitiesImpl;
import io.maple.activities.launch.ClusterActivitiesImpl;
import io.maple.activities.persistence.ExecutionActivitiesImpl;
import io.maple.activities.webhook.WebhookActivitiesImpl;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.workflows.admission.QueueAdmissionWorkflowImpl;
import io.maple.workflows.client.ExecutionStarter;
import io.maple.workflows.contract.MapleSearchAttributes;
import io.maple.workflows.contract.TaskQueues;
import io.maple.workflows.contract.WorkflowIds;
import io.maple.workflows.execution.EngineExecutionWorkflow;
import io.maple.workflows.execution.EngineExecutionWorkflowImpl;
import io.maple.workflows.webhook.WebhookDeliveryWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Starts the test server's workers once per Spring context and creates executions to run. */
@Component
public class WorkflowHarness {

    public static final String CLUSTER = "local1";

    private final TestWorkflowEnvironment env;
    private final ExecutionStore store;
    private final ClusterMapper clusters;
    private final ExecutionStarter starter;
    private final ObjectMapper json;
    private final ExecutionActivitiesImpl executionActivities;
    private final AdmissionActivitiesImpl admissionActivities;
    private final QueueSlotActivitiesImpl slotActivities;
    private final WebhookActivitiesImpl webhookActivities;
    private final ClusterActivitiesImpl clusterActivities;
    private boolean started;

    public WorkflowHarness(TestWorkflowEnvironment env, ExecutionStore store, ClusterMapper clusters,
                           ExecutionStarter starter, ObjectMapper json, ExecutionActivitiesImpl executionActivities,
                           AdmissionActivitiesImpl admissionActivities, QueueSlotActivitiesImpl slotActivities,
                           WebhookActivitiesImpl webhookActivities, ClusterActivitiesImpl clusterActivities) {
        this.env = env;
        this.store = store;
        this.clusters = clusters;
        this.starter = starter;
        this.json = json;
        this.executionActivities = executionActivities;
        this.admissionActivities = admissionActivities;
        this.slotActivities = slotActivities;
        this.webhookActivities = webhookActivities;
        this.clusterActivities = clusterActivities;
    }

    public synchronized void start() {
        start(java.util.List.of());
    }

    /**
     * Also serves the cluster activities of {@code clusters} (YARN, K8S rows inserted here): workers
     * can only be added before the test server starts, so the first call decides them.
     */
    public synchronized void start(java.util.List<ClusterRecord> clusters) {
        if (started) {
            return;
        }
        MapleSearchAttributes.definitions().forEach(env::registerSearchAttribute);
        Worker executions = env.newWorker(TaskQueues.EXECUTIONS);
        registerWorkflows(executions);
        executions.registerActivitiesImplementations(executionActivities, admissionActivities, slotActivities,
                webhookActivities);
        env.newWorker(TaskQueues.forCluster(CLUSTER)).registerActivitiesImplementations(clusterActivities);
        ensureCluster(CLUSTER);
        for (ClusterRecord cluster : clusters) {
            if (this.clusters.findClusterByName(cluster.name()) == null) {
                this.clusters.insertCluster(cluster, new GeneratedId());
            }
            env.newWorker(TaskQueues.forCluster(cluster.name())).registerActivitiesImplementations(clusterActivities);
        }
        env.start();
        started = true;
    }

    public static void registerWorkflows(Worker worker) {
        worker.registerWorkflowImplementationTypes(EngineExecutionWorkflowImpl.class,
                QueueAdmissionWorkflowImpl.class, WebhookDeliveryWorkflowImpl.class);
    }

    public void ensureCluster(String name) {
        if (clusters.findClusterByName(name) == null) {
            Instant now = Instant.now();
            clusters.insertCluster(new ClusterRecord(null, name, ClusterCategory.LOCAL, "{}", "test host", now, now),
                    new GeneratedId());
        }
    }

    /** Inserts a CREATED execution whose job runs {@code script} on the worker host. */
    public long create(String cluster, String queue, int priority, Map<String, Object> conf, String webhooks) {
        return create(cluster, queue, EngineCategory.SPARK, "3.5.5", priority, conf, webhooks);
    }

    /** Inserts a CREATED execution of {@code engine}; on a K8S cluster the engine decides what is rendered. */
    public long create(String cluster, String queue, EngineCategory engine, String engineVersion, int priority,
                       Map<String, Object> conf, String webhooks) {
        ExecutionRecord draft = new ExecutionRecord(null, UUID.randomUUID().toString(), "test-job", null, "schedule",
                cluster, queue, engine, engineVersion, priority, null, "g", "u", webhooks, "batch",
                engine.wireName() + "-sql", null, null, null, null, null, null, null);
        try {
            return store.create(draft, json.writeValueAsString(conf), null, "test").id();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public long create(String queue, int priority, String script) {
        return create(CLUSTER, queue, priority, Map.of("script", script), null);
    }

    public static Map<String, Object> conf(String script, Object... more) {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("script", script);
        for (int i = 0; i < more.length; i += 2) {
            conf.put((String) more[i], more[i + 1]);
        }
        return conf;
    }

    public void startWorkflow(long id) {
        ExecutionRecord e = store.require(id);
        starter.start(id, e.priority(), e.execName());
    }

    public long submit(String queue, int priority, String script) {
        long id = create(queue, priority, script);
        startWorkflow(id);
        return id;
    }

    public EngineExecutionWorkflow workflow(long id) {
        return env.getWorkflowClient().newWorkflowStub(EngineExecutionWorkflow.class, WorkflowIds.forExecution(id));
    }

    /**
     * With {@code -Dmaple.record.histories=true}, writes the execution's history where the
     * workflows module's replay test reads it (committed, replayed on every build).
     */
    public void recordHistory(long id, String name) {
        recordHistory(WorkflowIds.forExecution(id), name);
    }

    /** The same for any workflow (the queue's admission workflow), as far as it has run. */
    public void recordHistory(String workflowId, String name) {
        recordHistory(workflowId, null, name);
    }

    /** The same for one run of it; {@code runId} null is the latest. */
    public void recordHistory(String workflowId, String runId, String name) {
        if (!Boolean.getBoolean("maple.record.histories")) {
            return;
        }
        try {
            Path dir = Path.of("../workflows/src/test/resources/histories");
            Files.createDirectories(dir);
            WorkflowClient client = env.getWorkflowClient();
            Files.writeString(dir.resolve(name + ".json"), (runId == null ? client.fetchHistory(workflowId)
                    : client.fetchHistory(workflowId, runId)).toJson(true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public WorkflowClient client() {
        return env.getWorkflowClient();
    }

    public TestWorkflowEnvironment env() {
        return env;
    }

    public ExecutionStatus status(long id) {
        return store.require(id).status();
    }

    /** Polls MySQL in wall time (time skipping does not advance while nobody waits on a result). */
    public void awaitStatus(long id, ExecutionStatus wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status(id) != wanted) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("execution " + id + " is " + status(id) + ", expected " + wanted);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
