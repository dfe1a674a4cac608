package io.maple.engine.spi;

import java.util.Map;

/**
 * Site settings handed to every plugin once, at load time (runner jar locations, container images).
 * Plugins are created by {@link java.util.ServiceLoader}, so they get their settings this way and not
 * through a constructor. Keys are namespaced by engine, e.g. {@code spark.runner-jar}.
 */
public record PluginSettings(Map<String, String> values) {

    public PluginSettings {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static PluginSettings none() {
        return new PluginSettings(Map.of());
    }

    /** The value of {@code key}, or {@code fallback} when it is absent or blank. */
    public String get(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
