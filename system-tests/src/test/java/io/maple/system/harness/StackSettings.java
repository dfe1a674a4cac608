package io.maple.system.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a stack's api and worker are configured beyond what {@code ./maple} sets: Spring properties
 * per process. Stacks with equal settings are shared by test classes (see MapleStackExtension).
 */
public record StackSettings(Map<String, String> workerProperties, Map<String, String> apiProperties) {

    /** Submissions whose uniqueId starts with this halt the api after their insert (fault-points/). */
    public static final String HALT_AFTER_INSERT = "halt-after-insert-";

    public StackSettings {
        workerProperties = Map.copyOf(workerProperties);
        apiProperties = Map.copyOf(apiProperties);
    }

    /**
     * The LOCAL stack: as {@code ./maple dev} (sticky execution off, as the Temporal test server
     * needs), with the worker's reconciler and LOCAL poll made quicker so that recoveries show
     * within a test's patience, and the api's crash point armed for {@link #HALT_AFTER_INSERT}.
     */
    public static StackSettings local() {
        return new StackSettings(Map.of(
                "maple.worker.sticky-execution", "false",
                "maple.worker.reconcile-interval", "2s",
                "maple.worker.cluster-refresh", "2s",
                "maple.worker.reconcile-age", "2s",
                "maple.workflow.local-poll-interval", "2s"),
                Map.of("maple.faults.halt-after-insert-prefix", HALT_AFTER_INSERT));
    }

    public StackSettings withWorker(String key, String value) {
        Map<String, String> worker = new LinkedHashMap<>(workerProperties);
        worker.put(key, value);
        return new StackSettings(worker, apiProperties);
    }

    public StackSettings withApi(String key, String value) {
        Map<String, String> api = new LinkedHashMap<>(apiProperties);
        api.put(key, value);
        return new StackSettings(workerProperties, api);
    }
}
