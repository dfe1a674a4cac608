package io.maple.activities.monitor.yarn;

import io.maple.workflows.contract.ClusterObservation;

/**
 * Where the poller sends an observation that changed: the execution's workflow (as its
 * {@code observe} signal) and its exec_info. Returns false when delivery failed, so the poller
 * tries again next interval.
 */
public interface ObservationSink {

    boolean deliver(ClusterObservation observation);
}
