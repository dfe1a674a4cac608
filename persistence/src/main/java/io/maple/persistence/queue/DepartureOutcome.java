package io.maple.persistence.queue;

import io.maple.persistence.execution.TransitionOutcome;
import java.util.List;

/** What a departure did: the transition's outcome, whether the queue was left, whom the freed slot went to. */
public record DepartureOutcome(TransitionOutcome transition, boolean left, List<Long> granted) {
}
