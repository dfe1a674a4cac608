package io.maple.api.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The REST entry's own limits ({@code maple.api.*}); the defaults suit a local install.
 *
 * @param maxBodySize     request bodies larger than this are refused with 413 before they are parsed
 * @param maxPageSize     the largest {@code size} a list request may ask for
 * @param defaultPageSize the page size when a list request gives none
 * @param launchTargetCache how long a submission's cluster engine lookup is reused (0: never)
 * @param maxLogLines     the largest {@code size} a log read may ask for
 * @param maxHistoryEvents the largest {@code size} a workflow history read may ask for
 */
@Validated
@ConfigurationProperties("maple.api")
public record ApiProperties(
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @Min(1) @Max(10_000) @DefaultValue("500") int maxPageSize,
        @Min(1) @DefaultValue("50") int defaultPageSize,
        @NotNull @DefaultValue("5s") Duration launchTargetCache,
        @Min(1) @Max(100_000) @DefaultValue("10000") int maxLogLines,
        @Min(1) @Max(10_000) @DefaultValue("1000") int maxHistoryEvents) {
}
