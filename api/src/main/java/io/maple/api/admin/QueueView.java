package io.maple.api.admin;

import java.time.Instant;
import java.util.Map;

/**
 * One cluster queue with work: its limit, how many run, how many wait at each priority (1 first)
 * and since when the longest-waiting one waits.
 *
 * @param limit    the limit the queue's last change applied (the worker's configuration); null before any
 * @param running  executions launched: STARTING, RUNNING or UNKNOWN
 * @param holding  slots held in the queue tables (granted ones not yet STARTING count; executions admitted
 *                 by an admission workflow before the queue tables do not)
 */
public record QueueView(String cluster, String clusterQueue, Integer limit, long running, long holding,
                        Map<Integer, Long> waitingByPriority, Instant oldestWaitSince) {
}
