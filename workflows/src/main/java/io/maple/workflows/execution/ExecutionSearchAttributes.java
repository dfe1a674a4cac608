package io.maple.workflows.execution;

import io.maple.domain.ExecutionStatus;
import io.maple.workflows.contract.ExecutionSnapshot;
import io.maple.workflows.contract.MapleSearchAttributes;
import io.temporal.workflow.Workflow;

/**
 * The execution's search attributes (what the Temporal UI filters on), upserted on every status
 * change. While held, changes only mark them stale: an execution admitted at once goes CREATED,
 * ACCEPTED, STARTING in one workflow task, and one upsert then says what the three would.
 */
final class ExecutionSearchAttributes {

    private final ExecutionSnapshot execution;
    private boolean held;
    private boolean stale;

    ExecutionSearchAttributes(ExecutionSnapshot execution) {
        this.execution = execution;
    }

    /** Changes from now on wait for {@link #flush} or the first change after {@link #unhold}. */
    void hold() {
        held = true;
    }

    /** The next change upserts (with everything a held one would have). */
    void unhold() {
        held = false;
    }

    void changed(ExecutionStatus status) {
        if (held) {
            stale = true;
        } else {
            upsert(status);
        }
    }

    /** Upserts what held changes left stale, and stops holding. */
    void flush(ExecutionStatus status) {
        held = false;
        if (stale) {
            upsert(status);
        }
    }

    private void upsert(ExecutionStatus status) {
        stale = false;
        if (!execution.settings().searchAttributes()) {
            return;
        }
        Workflow.upsertTypedSearchAttributes(
                MapleSearchAttributes.EXECUTION_ID.valueSet(execution.executionId()),
                MapleSearchAttributes.STATUS.valueSet(status.name()),
                MapleSearchAttributes.CLUSTER.valueSet(execution.cluster()),
                MapleSearchAttributes.QUEUE.valueSet(execution.queueKey()),
                MapleSearchAttributes.FROM_APP.valueSet(execution.fromApp()),
                MapleSearchAttributes.GROUP.valueSet(execution.group()),
                MapleSearchAttributes.USER.valueSet(execution.user()),
                MapleSearchAttributes.ENGINE.valueSet(execution.engine()));
    }
}
