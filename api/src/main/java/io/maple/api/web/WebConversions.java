package io.maple.api.web;

import io.maple.domain.EngineCategory;
import io.maple.domain.ExecutionStatus;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query and path values are read the way JSON bodies are: engines in any case, statuses in any case. */
@Configuration(proxyBeanMethods = false)
class WebConversions implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, EngineCategory.class, EngineCategory::fromWire);
        registry.addConverter(String.class, ExecutionStatus.class,
                s -> ExecutionStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
    }
}
