package io.maple.worker;

import io.maple.workflows.client.ExecutionStarter;
import io.temporal.client.WorkflowClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans the worker adds to the activities: the workflow starter and the reconciler's schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WorkerConfiguration {

    @Bean
    ExecutionStarter executionStarter(WorkflowClient client) {
        return new ExecutionStarter(client);
    }
}
