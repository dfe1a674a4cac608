package io.maple.workflows.contract;

/** Task queue names: workflows on one queue, cluster work on a queue per cluster. */
public final class TaskQueues {

    /** Workflow tasks and cluster-independent activities (persistence, webhooks). */
    public static final String EXECUTIONS = "maple-executions";

    private TaskQueues() {
    }

    /** Launch, observe and kill for one cluster: only workers that can reach it poll this queue. */
    public static String forCluster(String clusterName) {
        return "maple-cluster-" + clusterName;
    }
}
