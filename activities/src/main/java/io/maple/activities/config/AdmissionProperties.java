package io.maple.activities.config;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Concurrency limits per cluster queue.
 *
 * @param defaultLimit executions launched at once in a cluster queue without its own entry
 * @param limits       per {@code <cluster>-<clusterQueue>} key, e.g. {@code hadoop-root.default: 20}
 */
@ConfigurationProperties("maple.admission")
public record AdmissionProperties(@DefaultValue("10") int defaultLimit, Map<String, Integer> limits) {

    public int limitFor(String cluster, String clusterQueue) {
        if (limits != null) {
            Integer own = limits.get(cluster + "-" + clusterQueue);
            if (own != null) {
                return own;
            }
        }
        return defaultLimit;
    }
}
