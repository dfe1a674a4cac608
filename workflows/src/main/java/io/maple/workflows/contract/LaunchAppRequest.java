package io.maple.workflows.contract;

/** Launch an execution's application on its cluster; the activity loads the rest from MySQL. */
public record LaunchAppRequest(long executionId, String cluster) {
}
