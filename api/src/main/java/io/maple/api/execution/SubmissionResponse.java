package io.maple.api.execution;

import io.maple.domain.ExecutionStatus;

/** The answer to a submission; {@code duplicated} is true when (fromApp, uniqueId) was already known. */
public record SubmissionResponse(long id, ExecutionStatus status, String fromApp, String uniqueId,
                                 boolean duplicated) {

    static SubmissionResponse of(SubmissionResult result) {
        var e = result.execution();
        return new SubmissionResponse(e.id(), e.status(), e.fromApp(), e.uniqueId(), result.duplicated());
    }
}
