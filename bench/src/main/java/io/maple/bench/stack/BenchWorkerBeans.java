package io.maple.bench.stack;

import io.maple.bench.dispatch.BareDispatchActivitiesImpl;
import io.maple.persistence.execution.ExecutionStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the bench adds to the real worker: the instant cluster and the bare dispatch baseline's activity. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstantClusterProperties.class)
public class BenchWorkerBeans {

    @Bean
    InstantCluster instantCluster(ExecutionStore executions, InstantClusterProperties properties) {
        return new InstantCluster(executions, properties);
    }

    @Bean
    BareDispatchActivitiesImpl bareDispatchActivities(ExecutionStore executions) {
        return new BareDispatchActivitiesImpl(executions);
    }
}
