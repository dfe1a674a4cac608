package io.maple.engine.spi;

import io.maple.domain.JobConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges the cluster engine's default configuration ({@code maple_cluster_engine_default_conf}) under
 * the user's job configuration: a user value wins whenever it is present (non-blank); {@code conf} and
 * {@code jobConf} are merged key by key.
 */
public final class JobConfigMerger {

    private JobConfigMerger() {
    }

    public static JobConfig merge(JobConfig defaults, JobConfig job) {
        if (defaults == null) {
            return job;
        }
        if (job == null) {
            return defaults;
        }
        return new JobConfig(
                pick(defaults.driverCores(), job.driverCores()),
                pick(defaults.driverMemory(), job.driverMemory()),
                pick(defaults.numExecutors(), job.numExecutors()),
                pick(defaults.executorCores(), job.executorCores()),
                pick(defaults.executorMemory(), job.executorMemory()),
                pick(defaults.driverJavaOptions(), job.driverJavaOptions()),
                pick(defaults.driverClassPath(), job.driverClassPath()),
                pick(defaults.jars(), job.jars()),
                pick(defaults.files(), job.files()),
                pick(defaults.archives(), job.archives()),
                mergeMaps(defaults.conf(), job.conf()),
                job.runType() != null ? job.runType() : defaults.runType(),
                mergeMaps(defaults.jobConf(), job.jobConf()));
    }

    private static String pick(String fallback, String value) {
        return value != null && !value.isBlank() ? value : fallback;
    }

    private static Map<String, Object> mergeMaps(Map<String, Object> base, Map<String, Object> over) {
        if (base == null || base.isEmpty()) {
            return over;
        }
        Map<String, Object> merged = new LinkedHashMap<>(base);
        if (over != null) {
            merged.putAll(over);
        }
        return merged;
    }
}
