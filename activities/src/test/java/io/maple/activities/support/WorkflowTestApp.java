package io.maple.activities.support;

import io.maple.engine.catalog.EngineCatalogConfiguration;
import io.maple.persistence.PersistenceConfiguration;
import io.maple.persistence.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import io.maple.workflows.client.ExecutionStarter;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Maple's activities on real MariaDB, with Temporal's in-process test server (time skipping).
 * Scans everything under io.maple.activities except the other test applications: the K8s monitor
 * tests' app would otherwise put its @Primary recording sender in front of the informers here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "io.maple.activities", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.maple\\.activities\\..*TestApp")})
@ConfigurationPropertiesScan(basePackages = "io.maple.activities")
@Import({PersistenceConfiguration.class, EngineCatalogConfiguration.class})
public class WorkflowTestApp {

    /** A fresh database and a fresh LOCAL work dir (execution ids restart at 1 in every database). */
    public static void register(DynamicPropertyRegistry registry, String suite) {
        TestDatabase.register(registry, suite);
        try {
            Path dir = Files.createTempDirectory("maple-local-" + suite);
            registry.add("maple.local.work-dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #register} plus a fresh YARN work dir, for the suites that launch on MiniYarn. */
    public static void registerYarn(DynamicPropertyRegistry registry, String suite) {
        register(registry, suite);
        try {
            Path dir = Files.createTempDirectory("maple-yarn-" + suite);
            registry.add("maple.yarn.work-dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean(destroyMethod = "close")
    TestWorkflowEnvironment testWorkflowEnvironment() {
        return TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().build());
    }

    @Bean
    WorkflowClient workflowClient(TestWorkflowEnvironment env) {
        return env.getWorkflowClient();
    }

    @Bean
    ExecutionStarter executionStarter(WorkflowClient client) {
        return new ExecutionStarter(client);
    }
}
