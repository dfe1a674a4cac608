package io.maple.workflows.execution;

import io.maple.workflows.contract.ClusterObservation;
import io.temporal.failure.ApplicationFailure;

/** How the workflow words what it saw and what failed, in status reasons and logs. */
final class ObservationText {

    private ObservationText() {
    }

    /** "RUNNING (RUNNING/UNDEFINED): diagnostics", or "no observation". */
    static String describe(ClusterObservation o) {
        if (o == null) {
            return "no observation";
        }
        StringBuilder b = new StringBuilder(String.valueOf(o.phase()));
        if (o.rawState() != null) {
            b.append(" (").append(o.rawState());
            if (o.finalStatus() != null) {
                b.append('/').append(o.finalStatus());
            }
            b.append(')');
        }
        if (o.diagnostics() != null && !o.diagnostics().isBlank()) {
            b.append(": ").append(o.diagnostics());
        }
        return b.toString();
    }

    /** The innermost cause's message: an activity failure's own words, not Temporal's wrapping. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ApplicationFailure af) {
            return af.getOriginalMessage();
        }
        return t.getMessage();
    }
}
