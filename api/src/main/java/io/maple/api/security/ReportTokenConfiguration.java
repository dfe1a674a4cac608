package io.maple.api.security;

import io.maple.api.config.ReportProperties;
import io.maple.domain.report.ReportTokens;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The report-token derivation the worker shares, keyed with {@code maple.report.secret}. */
@Configuration(proxyBeanMethods = false)
class ReportTokenConfiguration {

    @Bean
    ReportTokens reportTokens(ReportProperties properties) {
        if (ReportTokens.LOCAL_SECRET.equals(properties.secret())) {
            LoggerFactory.getLogger(ReportTokenConfiguration.class)
                    .warn("maple.report.secret is the local default: set MAPLE_REPORT_SECRET (api and worker) outside development");
        }
        return new ReportTokens(properties.secret());
    }
}
