package io.maple.api.execution;

import io.maple.persistence.execution.ExecutionRecord;

/**
 * Told of each new submission once its row is committed, before its workflow is started. The api
 * ships none: the system tests add one to the api's classpath ({@code fault-points/}) to crash the
 * api in exactly that window, so no setting of the shipped jar can.
 */
public interface StoredSubmissionListener {

    void stored(ExecutionRecord execution);
}
