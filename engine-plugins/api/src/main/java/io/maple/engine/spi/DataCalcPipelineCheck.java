package io.maple.engine.spi;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Submit-time check of a data_calc pipeline (the runners' input): sources -> SQL transforms -> sinks.
 * Errors name the path, e.g. {@code jobConf.pipeline.sources[0].format}.
 * <pre>
 * {"sources":    [{"name": "people", "format": "csv|json|parquet", "path": "...", "options": {...}},
 *                 {"name": "orders", "format": "jdbc", "url": "...", "table": "...", "user": "...", "password": "..."}],
 *  "transforms": [{"name": "adults", "sql": "SELECT ... FROM people"}],
 *  "sinks":      [{"from": "adults", "format": "parquet", "path": "...", "mode": "overwrite"},
 *                 {"from": "adults", "format": "jdbc", "url": "...", "table": "..."}]}
 * </pre>
 */
public final class DataCalcPipelineCheck {

    static final Set<String> MODES = Set.of("overwrite", "append", "ignore", "error", "errorifexists");

    private final Set<String> formats;
    private final boolean sourceSchemaRequired;

    /**
     * @param formats              the formats the engine's runner reads and writes ({@code jdbc} included)
     * @param sourceSchemaRequired whether every source must give a {@code schema} (Flink cannot infer one)
     */
    public DataCalcPipelineCheck(Set<String> formats, boolean sourceSchemaRequired) {
        this.formats = Set.copyOf(formats);
        this.sourceSchemaRequired = sourceSchemaRequired;
    }

    public void check(Map<?, ?> pipeline) {
        List<Map<?, ?>> sources = list(pipeline, "sources", true);
        List<Map<?, ?>> transforms = list(pipeline, "transforms", false);
        List<Map<?, ?>> sinks = list(pipeline, "sinks", true);
        for (int i = 0; i < sources.size(); i++) {
            String at = "jobConf.pipeline.sources[" + i + "]";
            required(sources.get(i), "name", at);
            endpoint(sources.get(i), at);
            if (sourceSchemaRequired) {
                required(sources.get(i), "schema", at);
            }
        }
        for (int i = 0; i < transforms.size(); i++) {
            String at = "jobConf.pipeline.transforms[" + i + "]";
            required(transforms.get(i), "name", at);
            required(transforms.get(i), "sql", at);
        }
        for (int i = 0; i < sinks.size(); i++) {
            String at = "jobConf.pipeline.sinks[" + i + "]";
            required(sinks.get(i), "from", at);
            endpoint(sinks.get(i), at);
            Object mode = sinks.get(i).get("mode");
            if (mode != null && !MODES.contains(mode.toString())) {
                throw new InvalidJobException(at + ".mode", at + ".mode must be one of " + MODES);
            }
        }
    }

    private void endpoint(Map<?, ?> node, String at) {
        String format = required(node, "format", at);
        if (!formats.contains(format)) {
            throw new InvalidJobException(at + ".format", at + ".format must be one of " + formats);
        }
        if (format.equals("jdbc")) {
            required(node, "url", at);
            required(node, "table", at);
        } else {
            required(node, "path", at);
        }
    }

    private static String required(Map<?, ?> node, String key, String at) {
        Object value = node.get(key);
        if (value == null || value.toString().isBlank() || value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new InvalidJobException(at + "." + key, at + "." + key + " is required");
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> list(Map<?, ?> pipeline, String key, boolean required) {
        Object value = pipeline.get(key);
        if (value == null && !required) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || (required && list.isEmpty())
                || list.stream().anyMatch(e -> !(e instanceof Map<?, ?>))) {
            throw new InvalidJobException("jobConf.pipeline." + key,
                    "jobConf.pipeline." + key + " must be a " + (required ? "non-empty " : "") + "list of objects");
        }
        return (List<Map<?, ?>>) value;
    }
}
