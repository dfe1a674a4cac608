package io.maple.api.admin;

import java.util.List;

/**
 * The workers polling one of Maple's task queues.
 *
 * @param cluster null for {@code maple-executions} (workflows), else the cluster whose launch queue it is
 * @param source  {@code temporal} (the server's DescribeTaskQueue) or {@code heartbeat} (the workers' rows in
 *                MySQL, where the server cannot describe a task queue: the Java test server)
 */
public record TaskQueueWorkersView(String taskQueue, String cluster, String source, List<PollerView> pollers) {
}
