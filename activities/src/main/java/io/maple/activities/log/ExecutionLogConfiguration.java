package io.maple.activities.log;

import io.maple.activities.config.LocalLauncherProperties;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The log sources of every cluster category, for whoever serves logs (the api imports this). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LogProperties.class, LocalLauncherProperties.class})
public class ExecutionLogConfiguration {

    @Bean
    LocalLogs localLogs(LocalLauncherProperties local, LogProperties properties) {
        return new LocalLogs(local, properties);
    }

    @Bean
    ExecutionLogs executionLogs(List<ExecutionLogSource> sources) {
        return new ExecutionLogs(sources);
    }
}
