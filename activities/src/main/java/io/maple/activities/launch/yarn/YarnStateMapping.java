package io.maple.activities.launch.yarn;

import io.maple.workflows.contract.ClusterPhase;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/**
 * YARN's two words for an application (state, final status) mapped to one {@link ClusterPhase}.
 * The terminal decision is taken on the YarnApplicationState; the outcome of a FINISHED app comes
 * from its FinalApplicationStatus (Spark, Flink and our AMs report failures as FINISHED + FAILED).
 *
 * <p>Two refinements of the table belong to the workflow, which knows the execution's
 * history, not to this mapping: FAILED becomes START_FAILED when the app was never RUNNING, and
 * KILLED becomes CANCELED when Maple itself cancelled it. The one exception is the STARTING bound
 * ({@link StartingBound}), which reports START_FAILED itself because it killed the app.
 */
public final class YarnStateMapping {

    private YarnStateMapping() {
    }

    public static ClusterPhase phaseOf(YarnApplicationState state, FinalApplicationStatus finalStatus) {
        return switch (state) {
            case NEW, NEW_SAVING, SUBMITTED, ACCEPTED -> ClusterPhase.PENDING;
            case RUNNING -> ClusterPhase.RUNNING;
            case FINISHED -> switch (finalStatus == null ? FinalApplicationStatus.UNDEFINED : finalStatus) {
                case SUCCEEDED -> ClusterPhase.SUCCEEDED;
                case KILLED -> ClusterPhase.KILLED;
                case FAILED, UNDEFINED, ENDED -> ClusterPhase.FAILED;
            };
            case FAILED -> ClusterPhase.FAILED;
            case KILLED -> ClusterPhase.KILLED;
        };
    }

    public static boolean isTerminal(YarnApplicationState state) {
        return state == YarnApplicationState.FINISHED || state == YarnApplicationState.FAILED
                || state == YarnApplicationState.KILLED;
    }
}
