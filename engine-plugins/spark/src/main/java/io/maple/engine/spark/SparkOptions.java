package io.maple.engine.spark;

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
 * The spark-submit options of a job, resolved once for every cluster category: the resource fields,
 * the forbidden confs moved onto their {@code replaceParameter}, and the remaining free confs.
 *
 * @param options spark-submit option (e.g. {@code --driver-memory}) to value, in rendering order
 * @param confs   free {@code --conf} entries, never a forbidden or a reserved one
 * @param sourceOf option -> the request field it came from, for error messages
 */
record SparkOptions(Map<String, String> options, Map<String, String> confs, Map<String, String> sourceOf) {

    /** a spark-submit option name; compiled once: String.matches compiles it on every call, on the submission path. */
    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");
    /** a --conf key: no blank, = or control character; compiled once: String.matches compiles it on every call, on the submission path. */
    private static final Pattern CONF_KEY = Pattern.compile("[^\\s=\\p{Cntrl}]+");

    /** Confs Maple itself sets: a user value would change where or how the job runs, or hide its tag. */
    static final Set<String> RESERVED = Set.of("spark.master", "spark.submit.deployMode", "spark.app.name",
            "spark.yarn.tags", "spark.yarn.submit.waitAppCompletion", "spark.kubernetes.namespace");

    private static final String QUEUE = "--queue";

    /** Resource field of the job configuration -> its spark-submit option. */
    private static final List<String[]> FIELDS = List.of(
            new String[] {"driverCores", "--driver-cores"},
            new String[] {"driverMemory", "--driver-memory"},
            new String[] {"numExecutors", "--num-executors"},
            new String[] {"executorCores", "--executor-cores"},
            new String[] {"executorMemory", "--executor-memory"},
            new String[] {"driverJavaOptions", "--driver-java-options"},
            new String[] {"driverClassPath", "--driver-class-path"},
            new String[] {"jars", "--jars"},
            new String[] {"files", "--files"},
            new String[] {"archives", "--archives"});

    private static final String YARN_QUEUE_CONF = "spark.yarn.queue";

    static SparkOptions resolve(JobConfig job, EngineExtInfo extInfo, ClusterCategory category, String clusterQueue) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> sourceOf = new LinkedHashMap<>();
        Map<String, String> fieldValues = fieldValues(job);
        for (String[] field : FIELDS) {
            String value = fieldValues.get(field[0]);
            if (value != null && !value.isBlank()) {
                options.put(field[1], value);
                sourceOf.put(field[1], field[0]);
            }
        }
        Map<String, EngineExtInfo.ForbiddenConf> forbidden = new LinkedHashMap<>();
        if (extInfo != null && extInfo.forbiddenConfs() != null) {
            extInfo.forbiddenConfs().forEach(f -> forbidden.put(f.name(), f));
        }
        Map<String, String> confs = new LinkedHashMap<>();
        if (job.conf() != null) {
            for (Map.Entry<String, Object> entry : job.conf().entrySet()) {
                String key = entry.getKey();
                String field = "conf." + key;
                checkKey(key, field);
                String value = scalar(entry.getValue(), field);
                if (RESERVED.contains(key)) {
                    throw new InvalidJobException(field, field + " is set by Maple and cannot be given");
                }
                EngineExtInfo.ForbiddenConf rule = forbidden.get(key);
                if (YARN_QUEUE_CONF.equals(key)) {
                    // whatever the engine's forbiddenConfs say: a user never picks another YARN queue
                    checkQueue(field, value, category, clusterQueue);
                } else if (rule == null) {
                    confs.put(key, value);
                } else if (QUEUE.equals(rule.replaceParameter())) {
                    checkQueue(field, value, category, clusterQueue);
                } else if (rule.refused()) {
                    throw rule.refusal(field);
                } else {
                    String option = rule.replaceParameter();
                    if (!OPTION.matcher(option).matches()) {
                        throw new IllegalStateException("bad replaceParameter for " + key + ": " + option);
                    }
                    String current = options.get(option);
                    if (current != null && !current.equals(value)) {
                        throw new InvalidJobException(field, field + " conflicts with " + sourceOf.get(option)
                                + ": give the value once, in " + sourceOf.get(option));
                    }
                    options.put(option, value);
                    sourceOf.put(option, field);
                }
            }
        }
        return new SparkOptions(options, confs, sourceOf);
    }

    private static void checkQueue(String field, String value, ClusterCategory category, String clusterQueue) {
        // The queue is the execution's cluster queue: that is what Maple schedules on.
        if (category == ClusterCategory.YARN && !Objects.equals(value, clusterQueue)) {
            throw new InvalidJobException(field, field + " (" + value + ") conflicts with the execution's"
                    + " clusterQueue (" + clusterQueue + "): the queue always comes from clusterQueue");
        }
    }

    static void checkKey(String key, String field) {
        // spark-submit splits --conf on the first '=': a key with '=' or blanks would set another key.
        if (key == null || key.isBlank() || !CONF_KEY.matcher(key).matches()) {
            throw new InvalidJobException(field, "conf key must not be empty or contain '=', blanks or control characters");
        }
    }

    static String scalar(Object value, String field) {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new InvalidJobException(field, field + " must be a string, number or boolean");
        }
        return value.toString();
    }

    private static Map<String, String> fieldValues(JobConfig job) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("driverCores", job.driverCores());
        values.put("driverMemory", job.driverMemory());
        values.put("numExecutors", job.numExecutors());
        values.put("executorCores", job.executorCores());
        values.put("executorMemory", job.executorMemory());
        values.put("driverJavaOptions", job.driverJavaOptions());
        values.put("driverClassPath", job.driverClassPath());
        values.put("jars", job.jars());
        values.put("files", job.files());
        values.put("archives", job.archives());
        return values;
    }
}
