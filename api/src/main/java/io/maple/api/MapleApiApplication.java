package io.maple.api;

import io.maple.engine.catalog.EngineCatalogConfiguration;
import io.maple.persistence.PersistenceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Maple's REST entry: stores executions and starts or signals their workflows; launches nothing. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({PersistenceConfiguration.class, EngineCatalogConfiguration.class})
public class MapleApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(MapleApiApplication.class, args);
    }
}
