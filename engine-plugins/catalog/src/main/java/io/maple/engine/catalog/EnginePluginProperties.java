package io.maple.engine.catalog;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where engine plugins come from and what they are told.
 *
 * @param directory extra plugin jars, loaded before the built-in Spark and Flink plugins; none by default
 * @param settings  plugin settings such as {@code spark.runner-jar} or {@code spark.k8s.image}
 */
@ConfigurationProperties("maple.plugins")
public record EnginePluginProperties(Path directory, Map<String, String> settings) {

    public EnginePluginProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
