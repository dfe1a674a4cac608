package io.maple.bench.stack;

import io.maple.activities.monitor.k8s.ObservationSender;
import io.maple.bench.dispatch.BareDispatchActivitiesImpl;
import io.maple.persistence.execution.ExecutionStore;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the bench adds to the real worker: the instant cluster and the bare dispatch baseline's activity. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstantClusterProperties.class)
public class BenchWorkerBeans {

    @Bean
    InstantCluster instantCluster(ExecutionStore executions, InstantClusterProperties properties,
                                  ObservationSender sender,
                                  @Qualifier("instantClusterEnds") ScheduledExecutorService ends) {
        return new InstantCluster(executions, properties, sender, ends);
    }

    /** The instant cluster's clock for the ends it signals. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService instantClusterEnds() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "instant-cluster-ends");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    BareDispatchActivitiesImpl bareDispatchActivities(ExecutionStore executions) {
        return new BareDispatchActivitiesImpl(executions);
    }
}
