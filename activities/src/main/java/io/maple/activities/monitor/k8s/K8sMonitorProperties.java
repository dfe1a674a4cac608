package io.maple.activities.monitor.k8s;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * K8s informers in the worker ({@code maple.k8s.informers.*}).
 *
 * @param enabled        whether the worker runs informers for the K8S clusters in {@code maple_cluster}
 * @param resync         how often every cached resource is re-delivered: a missed signal is retried then
 * @param clusterRefresh how often {@code maple_cluster} is re-read for added, removed or changed
 *                       K8S clusters; zero turns it off ({@code K8sInformerLifecycle.refresh()} still works)
 */
@ConfigurationProperties("maple.k8s.informers")
public record K8sMonitorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5m") Duration resync,
        @DefaultValue("1m") Duration clusterRefresh) {
}
