package io.maple.api.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Names the API in the generated OpenAPI document (served at /v3/api-docs, UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI mapleOpenApi() {
        return new OpenAPI().info(new Info().title("Maple API").version("v1")
                .description("Submit, read and list Spark and Flink engine executions; configure clusters."));
    }
}
