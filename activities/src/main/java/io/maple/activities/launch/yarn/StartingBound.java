package io.maple.activities.launch.yarn;

import io.maple.workflows.contract.ClusterPhase;
import java.time.Duration;

/**
 * The STARTING bound: an application still waiting for resources (NEW..ACCEPTED) longer than
 * {@code maple.yarn.starting-timeout} after it was submitted is killed and reported START_FAILED,
 * with the RM's diagnostics (usually why the scheduler could not place the AM).
 */
public record StartingBound(Duration timeout) {

    public boolean exceededBy(YarnApp app, long nowMillis) {
        return app.phase() == ClusterPhase.PENDING && app.startTimeMillis() > 0
                && nowMillis - app.startTimeMillis() > timeout.toMillis();
    }

    public String reason(YarnApp app) {
        String diag = app.diagnostics() == null || app.diagnostics().isBlank() ? "none" : app.diagnostics().strip();
        return "application " + app.appId() + " stayed " + app.state() + " longer than " + timeout
                + "; killed by Maple. YARN diagnostics: " + diag;
    }
}
