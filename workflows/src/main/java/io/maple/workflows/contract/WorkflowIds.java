package io.maple.workflows.contract;

/** The one rule for naming an execution's workflow: derived from the execution id only. */
public final class WorkflowIds {

    private static final String PREFIX = "maple-execution-";

    private WorkflowIds() {
    }

    public static String forExecution(long executionId) {
        return PREFIX + executionId;
    }

    /** True for an execution's workflow id only (not a webhook delivery's or a queue's). */
    public static boolean isExecution(String workflowId) {
        return workflowId.length() > PREFIX.length() && workflowId.startsWith(PREFIX)
                && workflowId.substring(PREFIX.length()).chars().allMatch(Character::isDigit);
    }

    public static long executionIdOf(String workflowId) {
        if (!workflowId.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a Maple execution workflow id: " + workflowId);
        }
        return Long.parseLong(workflowId.substring(PREFIX.length()));
    }
}
