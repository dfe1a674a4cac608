package io.maple.worker;

import io.maple.engine.catalog.EngineCatalogConfiguration;
import io.maple.persistence.PersistenceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Hosts Maple's Temporal workers, the YARN poller and the K8s informers. */
@SpringBootApplication(scanBasePackages = {"io.maple.worker", "io.maple.activities"})
@ConfigurationPropertiesScan(basePackages = {"io.maple.worker", "io.maple.activities"})
@Import({PersistenceConfiguration.class, EngineCatalogConfiguration.class})
public class MapleWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(MapleWorkerApplication.class, args);
    }
}
