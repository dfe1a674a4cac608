package io.maple.worker;

import io.maple.activities.launch.LaunchFailedException;
import io.maple.activities.launch.LaunchSpecSource;
import io.maple.workflows.client.ExecutionStarter;
import io.temporal.client.WorkflowClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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

    /**
     * Until the engine plugins are wired in (they provide the real {@link LaunchSpecSource}), every
     * launch fails visibly as START_FAILED with this reason instead of the worker not booting.
     */
    @Bean
    @ConditionalOnMissingBean(LaunchSpecSource.class)
    LaunchSpecSource unwiredLaunchSpecSource() {
        return (execution, cluster) -> {
            throw new LaunchFailedException("no engine plugin is wired into this worker (LaunchSpecSource missing)");
        };
    }
}
