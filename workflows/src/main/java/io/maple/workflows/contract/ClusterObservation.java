package io.maple.workflows.contract;

import java.util.Map;

/**
 * One look at an execution's cluster application, as a poller, an informer or a direct check saw
 * it. Small on purpose: it travels through workflow history as the {@code observe} signal.
 *
 * @param appId       YARN application id, K8s resource name, or local process id
 * @param rawState    the cluster's own state word (YARN state, operator state)
 * @param finalStatus YARN FinalApplicationStatus or the operator's job state, when there is one
 * @param observedAtMillis when the cluster was asked (epoch millis, from the observer's clock)
 */
public record ClusterObservation(
        long executionId,
        String appId,
        ClusterPhase phase,
        String rawState,
        String finalStatus,
        String diagnostics,
        String trackingUrl,
        String memory,
        String cores,
        Map<String, String> detail,
        long observedAtMillis) {
}
