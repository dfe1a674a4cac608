package io.maple.engine.flink;

import io.maple.domain.ClusterCategory;
import io.maple.domain.JobConfig;
import io.maple.engine.spi.EngineExtInfo;
import io.maple.engine.spi.InvalidJobException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Flink configuration a job may pass ({@code -Dkey=value}), checked against what Maple sets itself
 * and the engine's {@code forbiddenConfs}: a forbidden key is moved onto its {@code replaceParameter}
 * (another configuration key) where the engine gives one, and refused where it gives none.
 */
final class FlinkConf {

    /** a configuration key: no blank, = or control character; compiled once: String.matches compiles it on every call, on the submission path. */
    private static final Pattern KEY = Pattern.compile("[^\\s=\\p{Cntrl}]+");

    /** Keys Maple sets: a user value would change where the job runs or hide its tag. */
    static final Set<String> RESERVED = Set.of("execution.target", "yarn.tags", "yarn.application.name",
            "kubernetes.namespace", "kubernetes.cluster-id", "pipeline.name");

    static final String QUEUE = "yarn.application.queue";

    private FlinkConf() {
    }

    static Map<String, String> resolve(JobConfig job, EngineExtInfo extInfo, ClusterCategory category,
                                       String clusterQueue) {
        rejectSparkFields(job);
        Map<String, String> confs = new LinkedHashMap<>();
        if (job.conf() == null) {
            return confs;
        }
        Map<String, EngineExtInfo.ForbiddenConf> forbidden = new LinkedHashMap<>();
        if (extInfo != null && extInfo.forbiddenConfs() != null) {
            extInfo.forbiddenConfs().forEach(f -> forbidden.put(f.name(), f));
        }
        Map<String, String> sourceOf = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : job.conf().entrySet()) {
            String key = entry.getKey();
            String field = "conf." + key;
            // The CLI splits -D on the first '=': a key with '=' or blanks would set another key.
            if (key == null || key.isBlank() || !KEY.matcher(key).matches()) {
                throw new InvalidJobException(field, "conf key must not be empty or contain '=', blanks or control characters");
            }
            Object value = entry.getValue();
            if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
                throw new InvalidJobException(field, field + " must be a string, number or boolean");
            }
            if (RESERVED.contains(key) || key.startsWith("$internal.")) {
                throw new InvalidJobException(field, field + " is set by Maple and cannot be given");
            }
            String target = key;
            EngineExtInfo.ForbiddenConf rule = forbidden.get(key);
            if (rule != null) {
                target = replacement(rule, field);
            }
            if (target.equals(QUEUE)) {
                if (category == ClusterCategory.YARN && !Objects.equals(value.toString(), clusterQueue)) {
                    throw new InvalidJobException(field, field + " (" + value + ") conflicts with the execution's"
                            + " clusterQueue (" + clusterQueue + "): the queue always comes from clusterQueue");
                }
                continue;
            }
            String earlier = confs.putIfAbsent(target, value.toString());
            if (earlier != null && !earlier.equals(value.toString())) {
                throw new InvalidJobException(field, field + " conflicts with " + sourceOf.get(target)
                        + ": give the value once, in conf." + target);
            }
            sourceOf.putIfAbsent(target, field);
        }
        return confs;
    }

    /** Where a forbidden key's value goes: its replacement key; none given means the key is refused. */
    private static String replacement(EngineExtInfo.ForbiddenConf rule, String field) {
        if (rule.refused()) {
            throw rule.refusal(field);
        }
        String target = rule.replaceParameter();
        if (!KEY.matcher(target).matches() || RESERVED.contains(target) || target.startsWith("$internal.")) {
            // the admin's rule, not the user's job: an engine registered with a bad rule is a server fault
            throw new IllegalStateException("bad replaceParameter for " + rule.name() + ": " + target);
        }
        return target;
    }

    private static void rejectSparkFields(JobConfig job) {
        Map<String, String> sparkOnly = new LinkedHashMap<>();
        sparkOnly.put("driverCores", job.driverCores());
        sparkOnly.put("driverMemory", job.driverMemory());
        sparkOnly.put("numExecutors", job.numExecutors());
        sparkOnly.put("executorCores", job.executorCores());
        sparkOnly.put("executorMemory", job.executorMemory());
        sparkOnly.put("driverJavaOptions", job.driverJavaOptions());
        sparkOnly.put("driverClassPath", job.driverClassPath());
        sparkOnly.put("jars", job.jars());
        sparkOnly.put("files", job.files());
        sparkOnly.put("archives", job.archives());
        sparkOnly.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                throw new InvalidJobException(field, field + " is a Spark resource field; set Flink memory and"
                        + " parallelism through conf (e.g. taskmanager.memory.process.size)");
            }
        });
    }
}
