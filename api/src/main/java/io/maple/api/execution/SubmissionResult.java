package io.maple.api.execution;

import io.maple.persistence.execution.ExecutionRecord;

/** What a submission produced: the stored execution, and whether it already existed. */
public record SubmissionResult(ExecutionRecord execution, boolean duplicated) {
}
