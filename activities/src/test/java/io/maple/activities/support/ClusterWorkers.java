package io.maple.activities.support;

import io.maple.activities.launch.ClusterActivitiesImpl;
import io.maple.activities.launch.ClusterLauncher;
import io.maple.activities.launch.EngineReportAccess;
import io.maple.activities.launch.LaunchSpecSource;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.execution.ExecutionStore;
import io.maple.workflows.contract.TaskQueues;
import io.temporal.worker.WorkerFactory;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Starts a worker that serves one cluster's task queue with the real cluster activities around the
 * launchers a test chooses (a real launcher, or one wrapped to lose a reply or die mid-launch).
 * The caller shuts the returned factory down.
 */
@Component
public class ClusterWorkers {

    private final WorkflowHarness harness;
    private final LaunchSpecSource specs;
    private final ExecutionStore store;
    private final ClusterMapper clusters;
    private final EngineReportAccess reportAccess;

    public ClusterWorkers(WorkflowHarness harness, LaunchSpecSource specs, ExecutionStore store, ClusterMapper clusters,
            EngineReportAccess reportAccess) {
        this.harness = harness;
        this.specs = specs;
        this.store = store;
        this.clusters = clusters;
        this.reportAccess = reportAccess;
    }

    public WorkerFactory start(String cluster, ClusterLauncher launcher) {
        WorkerFactory factory = WorkerFactory.newInstance(harness.client());
        factory.newWorker(TaskQueues.forCluster(cluster)).registerActivitiesImplementations(activities(launcher));
        factory.start();
        return factory;
    }

    /** The cluster activities alone, for a test that builds its own worker around them. */
    public ClusterActivitiesImpl activities(ClusterLauncher launcher) {
        return new ClusterActivitiesImpl(List.of(launcher), specs, store, clusters, reportAccess);
    }
}
