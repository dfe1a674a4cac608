package io.maple.persistence;

import io.maple.persistence.execution.EngineCategoryTypeHandler;
import java.time.Clock;
import java.time.Instant;
import org.mybatis.spring.annotation.MapperScan;
import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Wires Maple's MyBatis mappers and stores into any Spring Boot app that imports it. */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackages = "io.maple.persistence", annotationClass = org.apache.ibatis.annotations.Mapper.class)
@ComponentScan(basePackages = "io.maple.persistence")
public class PersistenceConfiguration {

    @Bean
    ConfigurationCustomizer mapleMyBatisCustomizer() {
        return configuration -> {
            configuration.setMapUnderscoreToCamelCase(true);
            // records are built through their canonical constructors, matched by column name
            configuration.setArgNameBasedConstructorAutoMapping(true);
            configuration.getTypeHandlerRegistry().register(new EngineCategoryTypeHandler());
            configuration.getTypeHandlerRegistry().register(Instant.class, new MicrosecondInstantTypeHandler());
        };
    }

    /** Static: a post-processor must exist before the data source it adjusts. */
    @Bean
    static MysqlDriverDefaults mysqlDriverDefaults() {
        return new MysqlDriverDefaults();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
