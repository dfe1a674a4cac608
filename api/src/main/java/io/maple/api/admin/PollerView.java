package io.maple.api.admin;

import java.time.Instant;

/**
 * One worker polling a task queue.
 *
 * @param host     null where Temporal reported it (its identity, pid@host, names the host)
 * @param lastSeen its last poll (Temporal) or heartbeat row (MySQL)
 */
public record PollerView(String identity, String host, Instant lastSeen) {
}
