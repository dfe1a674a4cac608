package io.maple.persistence.execution;

import io.maple.domain.EngineCategory;
import java.util.UUID;

/** Rows the persistence tests create: a Spark SQL execution of app "schedule", unique by a random id. */
public final class ExecutionDrafts {

    private ExecutionDrafts() {
    }

    /** A new CREATED row in {@code clusterQueue} of cluster "hadoop". */
    public static ExecutionRecord create(ExecutionStore store, String clusterQueue, int priority) {
        ExecutionRecord draft = new ExecutionRecord(null, UUID.randomUUID().toString(), "sync_task", null, "schedule",
                "hadoop", clusterQueue, EngineCategory.SPARK, "3.5.5", priority, null, "g", "u", null, "batch",
                "spark-sql", null, null, null, null, null, null, null);
        return store.create(draft, "{\"runType\":\"sql\"}", null, "test");
    }
}
