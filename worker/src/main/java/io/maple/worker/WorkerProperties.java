package io.maple.worker;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's own settings.
 *
 * @param reconcileInterval how often CREATED rows are checked for a missing workflow
 * @param reconcileAge      a CREATED row younger than this is left to the API that is starting it
 * @param registerSearchAttributes register Maple's search attributes with the server at start
 * @param stickyExecution   keep workflows cached on the worker that ran them last; false for Temporal's
 *                          Java test server, which never reroutes a dead worker's sticky tasks
 * @param servedClusters    the clusters whose launch queues this worker serves; empty (default) = every
 *                          cluster in {@code maple_cluster}, as it is registered
 * @param clusterRefresh    how often the served launch queues follow {@code maple_cluster}
 * @param serveClusterQueues false when the launch queues are served by explicitly configured workers
 *                          only (the benchmarks put a simulated cluster there)
 * @param resumeInterval    how often every non-terminal execution is checked for a workflow that Temporal
 *                          no longer runs (first at start, after {@code reconcileInterval})
 * @param resumeConcurrency how many of those a pass resumes at once (each is a few round trips to
 *                          Temporal and MySQL)
 * @param heartbeatInterval how often the worker writes its row in {@code maple_worker} (its identity and
 *                          the task queues it polls), which the api's worker list reads
 */
@ConfigurationProperties("maple.worker")
public record WorkerProperties(@DefaultValue("10s") Duration reconcileInterval,
                               @DefaultValue("5s") Duration reconcileAge,
                               @DefaultValue("true") boolean registerSearchAttributes,
                               @DefaultValue("true") boolean stickyExecution,
                               List<String> servedClusters,
                               @DefaultValue("10s") Duration clusterRefresh,
                               @DefaultValue("true") boolean serveClusterQueues,
                               @DefaultValue("5m") Duration resumeInterval,
                               @DefaultValue("8") int resumeConcurrency,
                               @DefaultValue("10s") Duration heartbeatInterval) {
}
