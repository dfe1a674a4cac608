package io.maple.activities.config;

import io.maple.domain.report.ReportTokens;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a launched engine needs to report on itself ({@code maple.report.*}).
 *
 * @param secret derives the per-execution report tokens; the api must hold the same value
 *               ({@code MAPLE_REPORT_SECRET} for both)
 * @param apiUrl the api as the engines reach it: {@code MAPLE_REPORT_URL} is
 *               {@code <apiUrl>/api/v1/executions/<id>/report}
 */
@ConfigurationProperties("maple.report")
public record ReportProperties(@DefaultValue(ReportTokens.LOCAL_SECRET) String secret,
                               @DefaultValue("http://localhost:8080") String apiUrl) {
}
