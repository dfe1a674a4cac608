package io.maple.faults;

import io.maple.api.execution.StoredSubmissionListener;
import io.maple.persistence.execution.ExecutionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Halts the api ({@code Runtime.halt}: no shutdown hooks, as a SIGKILL) right after a submission whose
 * uniqueId starts with {@code prefix} is committed and before its workflow is started: the window the
 * worker's CREATED reconciler exists for. Other submissions pass, so a test stack can keep it armed.
 */
final class HaltAfterInsert implements StoredSubmissionListener {

    /** The exit status of a JVM killed by SIGKILL, which is what this imitates. */
    static final int HALT_STATUS = 137;
    private static final Logger log = LoggerFactory.getLogger(HaltAfterInsert.class);

    private final String prefix;

    HaltAfterInsert(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void stored(ExecutionRecord execution) {
        if (execution.uniqueId() != null && execution.uniqueId().startsWith(prefix)) {
            log.error("maple.faults.halt-after-insert-prefix matches: halting before the workflow start");
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
