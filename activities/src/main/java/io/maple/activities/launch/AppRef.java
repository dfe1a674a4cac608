package io.maple.activities.launch;

import io.maple.persistence.cluster.ClusterRecord;

/**
 * How to find an execution's application again: by execution id (tag/label) on its cluster.
 * {@code appId} and {@code namespace} are hints from an earlier launch and may be null.
 */
public record AppRef(long executionId, ClusterRecord cluster, String appId, String namespace) {
}
