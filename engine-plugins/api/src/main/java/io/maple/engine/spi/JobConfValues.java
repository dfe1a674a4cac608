package io.maple.engine.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a job's {@code jobConf} map, with errors naming the field as {@code jobConf.<key>}.
 * Lists ({@code args}, {@code pyFiles}) may be given as a JSON array (one element per argument, taken
 * as is) or as a string, which is split on whitespace (args) or commas (file lists); nothing is ever
 * interpreted by a shell.
 */
public final class JobConfValues {

    private final Map<String, Object> values;

    public JobConfValues(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** The value as a string, or null when absent or blank. */
    public String string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new InvalidJobException("jobConf." + key, "jobConf." + key + " must be a string");
        }
        String text = value.toString();
        return text.isBlank() ? null : text;
    }

    public String required(String key, String why) {
        String value = string(key);
        if (value == null) {
            throw new InvalidJobException("jobConf." + key, "jobConf." + key + " is required " + why);
        }
        return value;
    }

    public boolean has(String key) {
        Object value = values.get(key);
        return value != null && !(value instanceof String s && s.isBlank());
    }

    public Object raw(String key) {
        return values.get(key);
    }

    /** Program arguments: an array as is, or a string split on whitespace. */
    public List<String> args(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> args = new ArrayList<>();
            for (Object element : list) {
                if (element == null || element instanceof Map<?, ?> || element instanceof List<?>) {
                    throw new InvalidJobException("jobConf." + key, "jobConf." + key + " must hold strings");
                }
                args.add(element.toString());
            }
            return args;
        }
        if (value instanceof Map<?, ?>) {
            throw new InvalidJobException("jobConf." + key, "jobConf." + key + " must be a string or a list");
        }
        String text = value.toString().strip();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
    }

    /** A comma separated file list (pyFiles): an array is joined with commas, a string kept as is. */
    public String fileList(String key) {
        Object value = values.get(key);
        if (value instanceof List<?>) {
            List<String> parts = args(key);
            for (String part : parts) {
                if (part.contains(",")) {
                    throw new InvalidJobException("jobConf." + key, "a file in jobConf." + key + " contains a comma");
                }
            }
            return parts.isEmpty() ? null : String.join(",", parts);
        }
        return string(key);
    }
}
