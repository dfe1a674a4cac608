package io.maple.api.execution;

import java.util.List;

/** One page of a listing; {@code page} counts from 0, {@code total} counts every match. */
public record ExecutionPage(List<ExecutionView> items, int page, int size, long total) {
}
