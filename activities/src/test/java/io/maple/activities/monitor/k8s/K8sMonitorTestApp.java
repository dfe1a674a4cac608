package io.maple.activities.monitor.k8s;

import io.maple.persistence.PersistenceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** The K8s launch and monitoring beans on Maple's persistence, with a recording sender in front. */
@SpringBootApplication(scanBasePackages = {"io.maple.activities.launch.k8s", "io.maple.activities.monitor.k8s"})
@Import(PersistenceConfiguration.class)
class K8sMonitorTestApp {

    @Bean
    @Primary
    RecordingSender recordingSender() {
        return new RecordingSender();
    }
}
