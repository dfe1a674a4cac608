package io.maple.activities.launch;

import io.maple.activities.config.ReportProperties;
import io.maple.domain.report.ReportTokens;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Hands an execution what it needs to call {@code /report} for itself and no other: the token is
 * derived here, inside the launch activity, and goes only into the launched process's environment
 * (or a K8s Secret), never into a rendered script, a log line or a Temporal payload.
 */
@Component
public class EngineReportAccess {

    private final ReportTokens tokens;
    private final String apiUrl;

    public EngineReportAccess(ReportProperties properties) {
        this.tokens = new ReportTokens(properties.secret());
        this.apiUrl = properties.apiUrl();
    }

    /** {@code MAPLE_REPORT_TOKEN}, {@code MAPLE_REPORT_URL} and {@code MAPLE_EXECUTION_ID}. */
    public Map<String, String> environment(long executionId) {
        return tokens.environment(executionId, apiUrl);
    }
}
