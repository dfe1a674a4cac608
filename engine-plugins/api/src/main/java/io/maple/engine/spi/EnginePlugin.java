package io.maple.engine.spi;

import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;

/**
 * Turns a job configuration into what a launcher runs. Found through {@link java.util.ServiceLoader},
 * from Maple's classpath or from plugin jars in a configured directory (see {@link EnginePlugins}).
 */
public interface EnginePlugin {

    EngineCategory engine();

    /** Whether this plugin can launch the given engine version on the given cluster category. */
    boolean supports(String engineVersion, ClusterCategory clusterCategory);

    /**
     * Checks a request without rendering anything; throws {@link InvalidJobException} naming the field.
     * Called at submit, so that a bad job is a 400 and never a failure at launch.
     */
    void validate(LaunchRequest request);

    /** Renders the launch: a script for YARN and LOCAL, a custom resource for K8s. Validates first. */
    LaunchSpec render(LaunchRequest request);

    /** Receives the site settings once, right after the plugin was loaded. */
    default void configure(PluginSettings settings) {
    }
}
