package io.maple.activities.monitor.k8s;

import io.maple.workflows.contract.ClusterObservation;

/** Delivers an observation to its execution's workflow (the {@code observe} signal). */
public interface ObservationSender {

    /**
     * @throws RuntimeException when it could not be delivered; the informer then keeps the old
     *                          state, so the next event or resync tries again
     */
    void send(ClusterObservation observation);
}
