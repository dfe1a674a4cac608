package io.maple.activities.launch;

import java.util.Map;

/**
 * The environment of a process the worker launches for an execution: the worker's own, minus every
 * {@code MAPLE_*} variable (the worker's secrets and database password travel that way, and a job
 * must not see them), plus what Maple hands this execution (its report token, URL and id).
 */
public final class ProcessEnvironment {

    private ProcessEnvironment() {
    }

    public static void apply(ProcessBuilder process, Map<String, String> forExecution) {
        Map<String, String> env = process.environment();
        env.keySet().removeIf(name -> name.startsWith("MAPLE_"));
        env.putAll(forExecution);
    }
}
