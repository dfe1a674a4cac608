package io.maple.api.admin;

import java.time.Instant;
import java.util.Map;

/**
 * One cluster queue with work: its limit, how many run, how many wait at each priority (1 first)
 * and since when the longest-waiting one waits.
 *
 * @param limit    the admission workflow's current limit; null while the queue has no admission workflow
 * @param running  executions holding a slot: STARTING, RUNNING or UNKNOWN
 */
public record QueueView(String cluster, String clusterQueue, Integer limit, long running,
                        Map<Integer, Long> waitingByPriority, Instant oldestWaitSince) {
}
