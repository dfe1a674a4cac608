package io.maple.activities.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables handed to the execution workflow through its load activity.
 *
 * @param pollInterval     fallback direct observation period per cluster category when observers are silent
 * @param unknownGrace     how long a cluster may be unobservable before an execution becomes UNKNOWN
 * @param searchAttributes upsert Maple's search attributes (they must be registered on the server)
 * @param notFoundFailAfter an UNKNOWN execution whose cluster keeps answering without its application
 *                         is FAILED this long after it became UNKNOWN
 */
@ConfigurationProperties("maple.workflow")
public record WorkflowProperties(
        @DefaultValue("5s") Duration localPollInterval,
        @DefaultValue("60s") Duration clusterPollInterval,
        @DefaultValue("5m") Duration unknownGrace,
        @DefaultValue("true") boolean searchAttributes,
        @DefaultValue("10m") Duration notFoundFailAfter) {
}
