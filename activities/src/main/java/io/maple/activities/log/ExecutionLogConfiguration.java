package io.maple.activities.log;

import io.maple.activities.config.LocalLauncherProperties;
import io.maple.activities.launch.k8s.K8sClients;
import io.maple.activities.launch.yarn.YarnClients;
import io.maple.activities.launch.yarn.YarnProperties;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The log sources of every cluster category, for whoever serves logs. The api imports this with
 * {@link K8sClients} and {@link YarnClients}; the worker has them from its scan.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LogProperties.class, LocalLauncherProperties.class, YarnProperties.class})
public class ExecutionLogConfiguration {

    @Bean
    LocalLogs localLogs(LocalLauncherProperties local, LogProperties properties) {
        return new LocalLogs(local, properties);
    }

    @Bean
    K8sLogs k8sLogs(K8sClients clients, LogProperties properties) {
        return new K8sLogs(clients, properties);
    }

    @Bean
    YarnLogs yarnLogs(YarnClients clients, YarnProperties yarn, LogProperties properties) {
        return new YarnLogs(clients, yarn, properties);
    }

    @Bean
    ExecutionLogs executionLogs(List<ExecutionLogSource> sources) {
        return new ExecutionLogs(sources);
    }
}
