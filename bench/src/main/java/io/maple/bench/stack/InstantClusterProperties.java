package io.maple.bench.stack;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the instant cluster's jobs run.
 *
 * @param defaultDuration a job's run time when its queue has no entry (0: it ends at the first look)
 * @param durations       per cluster queue, e.g. {@code streaming: 30d}
 */
@ConfigurationProperties("maple.bench.instant-cluster")
public record InstantClusterProperties(@DefaultValue("0s") Duration defaultDuration, Map<String, Duration> durations) {

    public Duration durationOf(String clusterQueue) {
        return durations == null ? defaultDuration : durations.getOrDefault(clusterQueue, defaultDuration);
    }
}
