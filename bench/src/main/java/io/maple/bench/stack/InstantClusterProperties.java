package io.maple.bench.stack;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the instant cluster's jobs run.
 *
 * @param defaultDuration a job's run time when its queue has no entry (0: it ends at the first look)
 * @param durations       per cluster queue, e.g. {@code streaming: 30d}
 * @param pushedQueues    queues whose jobs' ends are signalled when they happen, as a K8s informer or the YARN
 *                        poller reports them; elsewhere the workflow's poll finds them
 *                        ({@code maple.workflow.cluster-poll-interval})
 */
@ConfigurationProperties("maple.bench.instant-cluster")
public record InstantClusterProperties(@DefaultValue("0s") Duration defaultDuration, Map<String, Duration> durations,
                                       Set<String> pushedQueues) {

    public boolean pushes(String clusterQueue) {
        return pushedQueues != null && pushedQueues.contains(clusterQueue);
    }

    public Duration durationOf(String clusterQueue) {
        return durations == null ? defaultDuration : durations.getOrDefault(clusterQueue, defaultDuration);
    }
}
