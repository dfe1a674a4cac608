package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.maple.workflows.contract.ClusterPhase;

/**
 * Reads a FlinkDeployment's status (flink-kubernetes-operator, v1beta1) as a Maple phase, from
 * {@code jobStatus.state}, {@code jobManagerDeploymentStatus} and {@code lifecycleState}. Pure:
 * "JM ERROR after the job ran" becomes FAILED through {@link StickyPhase#merge}, and "CANCELED
 * because Maple asked" becomes KILLED in the workflow.
 */
public final class FlinkDeploymentStates {

    private FlinkDeploymentStates() {
    }

    public static MappedState map(GenericKubernetesResource deployment) {
        String job = nonNull(ResourceFields.string(deployment, "status", "jobStatus", "state"));
        String jm = nonNull(ResourceFields.string(deployment, "status", "jobManagerDeploymentStatus"));
        String lifecycle = nonNull(ResourceFields.string(deployment, "status", "lifecycleState"));
        String desired = nonNull(ResourceFields.string(deployment, "spec", "job", "state"));
        String error = ResourceFields.string(deployment, "status", "error");
        error = error == null || error.isBlank() ? null : error;
        return new MappedState(phase(job, jm, lifecycle, desired), job.isEmpty() ? jm : job, error);
    }

    /**
     * @param desired {@code spec.job.state}: "suspended" once Maple cancelled the job; a suspended job
     *                may end FINISHED (stop with savepoint), which is a cancel and not a success
     */
    static ClusterPhase phase(String job, String jm, String lifecycle, String desired) {
        if ("FAILED".equals(lifecycle)) {
            return ClusterPhase.FAILED;
        }
        if ("SUSPENDED".equals(lifecycle)
                || "suspended".equals(desired) && ("FINISHED".equals(job) || "CANCELED".equals(job))) {
            return ClusterPhase.CANCELED;
        }
        ClusterPhase byJob = switch (job) {
            case "FAILED" -> ClusterPhase.FAILED;
            case "FINISHED" -> ClusterPhase.SUCCEEDED;
            // SUSPENDED: the job was stopped through spec.job.state=suspended, which is Maple's cancel
            case "CANCELED", "SUSPENDED" -> ClusterPhase.CANCELED;
            case "RUNNING", "RESTARTING", "FAILING", "RECONCILING", "CANCELLING" -> ClusterPhase.RUNNING;
            case "INITIALIZING", "CREATED" -> ClusterPhase.PENDING;
            case "" -> null;
            default -> ClusterPhase.UNREACHABLE;
        };
        if (byJob != null && byJob != ClusterPhase.PENDING) {
            return byJob;
        }
        return switch (jm) {
            // the JobManager could not be deployed: the job never started
            case "ERROR" -> ClusterPhase.START_FAILED;
            case "", "DEPLOYING", "DEPLOYED_NOT_READY", "MISSING", "READY" -> ClusterPhase.PENDING;
            default -> byJob != null ? byJob : ClusterPhase.UNREACHABLE;
        };
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
