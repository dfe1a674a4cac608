package io.maple.worker.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sweep over the queue tables' holders.
 *
 * @param interval       how often a worker sweeps (one worker at a time, by a MySQL named lock)
 * @param reclaimAfter   a holder granted less than this ago is left alone (its workflow may still be starting)
 * @param redeliverAfter a holder still ACCEPTED this long after its grant is signalled again: the first
 *                       signal was lost (a crash between the grant's commit and the signal)
 */
@ConfigurationProperties("maple.worker.slot-sweep")
public record SlotSweepProperties(@DefaultValue("15s") Duration interval,
                                  @DefaultValue("30s") Duration reclaimAfter,
                                  @DefaultValue("10s") Duration redeliverAfter) {
}
