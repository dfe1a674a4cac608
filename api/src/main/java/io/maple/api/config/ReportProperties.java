package io.maple.api.config;

import io.maple.domain.report.ReportTokens;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The engine self-report ({@code maple.report.*}).
 *
 * @param secret derives the per-execution report tokens; the worker must hold the same value
 *               ({@code MAPLE_REPORT_SECRET} for both), and only it: unlike {@code maple.security.secret}
 *               it cannot derive app keys
 */
@Validated
@ConfigurationProperties("maple.report")
public record ReportProperties(@NotBlank @DefaultValue(ReportTokens.LOCAL_SECRET) String secret) {
}
