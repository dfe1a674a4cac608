package io.maple.engine.catalog;

import io.maple.engine.spi.EnginePlugins;
import io.maple.engine.spi.PluginSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Loads the engine plugins once per application and exposes the catalog over them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnginePluginProperties.class)
@Import(EngineCatalog.class)
public class EngineCatalogConfiguration {

    @Bean
    EnginePlugins enginePlugins(EnginePluginProperties properties) {
        PluginSettings settings = new PluginSettings(properties.settings());
        ClassLoader loader = EngineCatalogConfiguration.class.getClassLoader();
        return properties.directory() == null
                ? EnginePlugins.load(loader, settings)
                : EnginePlugins.load(loader, properties.directory(), settings);
    }
}
