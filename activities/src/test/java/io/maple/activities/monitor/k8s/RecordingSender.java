package io.maple.activities.monitor.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Collects what the informers would signal; can refuse the first sends like an unreachable Temporal. */
final class RecordingSender implements ObservationSender {

    private final BlockingQueue<ClusterObservation> sent = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @Override
    public void send(ClusterObservation observation) {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("Temporal unavailable (test)");
        }
        sent.add(observation);
    }

    void failNext(int times) {
        failuresLeft.set(times);
    }

    ClusterObservation next(Duration timeout) throws InterruptedException {
        ClusterObservation o = sent.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(o).as("an observe signal within %s", timeout).isNotNull();
        return o;
    }

    ClusterObservation expect(ClusterPhase phase, String rawState) throws InterruptedException {
        ClusterObservation o = next(Duration.ofSeconds(10));
        assertThat(o.phase()).as("phase of %s", o).isEqualTo(phase);
        if (rawState != null) {
            assertThat(o.rawState()).as("raw state of %s", o).isEqualTo(rawState);
        }
        return o;
    }

    void expectNothing(Duration wait) throws InterruptedException {
        assertThat(sent.poll(wait.toMillis(), TimeUnit.MILLISECONDS)).as("no further signal").isNull();
    }
}
