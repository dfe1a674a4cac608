package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.maple.workflows.contract.ClusterPhase;

/**
 * Reads a SparkApplication's {@code .status.applicationState.state} (kubeflow spark-operator,
 * v1beta2) as a Maple phase. Pure: stickiness of terminal phases is {@link StickyPhase}'s job.
 * FAILED maps to FAILED even if the driver never ran; the workflow turns that into START_FAILED
 * because only it knows whether RUNNING was ever seen.
 */
public final class SparkApplicationStates {

    private SparkApplicationStates() {
    }

    public static MappedState map(GenericKubernetesResource app) {
        String state = ResourceFields.string(app, "status", "applicationState", "state");
        String error = blankToNull(ResourceFields.string(app, "status", "applicationState", "errorMessage"));
        String raw = state == null ? "" : state;
        return new MappedState(phase(raw, app), raw, error);
    }

    static ClusterPhase phase(String state, GenericKubernetesResource app) {
        return switch (state) {
            // "" is the operator's NEW: the resource exists, the operator has not acted yet
            case "", "NEW", "SUBMITTED", "PENDING_RERUN", "INVALIDATING", "RESUMING", "SUSPENDED" -> ClusterPhase.PENDING;
            case "SUBMISSION_FAILED" -> operatorWillResubmit(app) ? ClusterPhase.PENDING : ClusterPhase.START_FAILED;
            case "RUNNING", "SUCCEEDING", "FAILING", "SUSPENDING" -> ClusterPhase.RUNNING;
            case "COMPLETED" -> ClusterPhase.SUCCEEDED;
            case "FAILED" -> ClusterPhase.FAILED;
            // the operator lost track of the driver pod: not observable, not finished
            case "UNKNOWN" -> ClusterPhase.UNREACHABLE;
            default -> ClusterPhase.UNREACHABLE;
        };
    }

    /**
     * The operator resubmits a failed submission when the restart policy is OnFailure or Always and
     * {@code submissionAttempts <= onSubmissionFailureRetries} (the first submission counts as one).
     */
    static boolean operatorWillResubmit(GenericKubernetesResource app) {
        String policy = ResourceFields.string(app, "spec", "restartPolicy", "type");
        if (!"OnFailure".equals(policy) && !"Always".equals(policy)) {
            return false;
        }
        Long retries = ResourceFields.number(app, "spec", "restartPolicy", "onSubmissionFailureRetries");
        Long attempts = ResourceFields.number(app, "status", "submissionAttempts");
        if (retries == null) {
            return false;
        }
        return (attempts == null ? 0 : attempts) <= retries;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
