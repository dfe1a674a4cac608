package io.maple.workflows.contract;

/**
 * An engine's own report (the seed: engines write back their status). {@code status} is a Maple
 * status word (RUNNING, SUCCEED, FAILED) or null for a bare heartbeat.
 */
public record EngineReport(long executionId, String status, String message, long reportedAtMillis) {
}
