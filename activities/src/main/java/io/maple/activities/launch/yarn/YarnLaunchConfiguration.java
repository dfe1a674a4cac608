package io.maple.activities.launch.yarn;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code maple.yarn.*} wherever the YARN launcher and poller are component-scanned. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(YarnProperties.class)
public class YarnLaunchConfiguration {
}
