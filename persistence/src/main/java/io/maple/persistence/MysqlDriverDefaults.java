package io.maple.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * MySQL Connector/J settings every Maple pool gets unless configured otherwise
 * ({@code spring.datasource.hikari.data-source-properties.*} wins): the client keeps the parse of
 * each prepared statement and the result set metadata instead of redoing them per call (the
 * driver's query parsing was a visible share of every transition and submission), does not ask
 * the server for session state it already knows, and opens no OpenTelemetry span per statement (it
 * does whenever an OpenTelemetry API is on the classpath, as here; nothing exports them).
 */
class MysqlDriverDefaults implements BeanPostProcessor {

    private static final Map<String, String> DEFAULTS = Map.of(
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "250",
            "prepStmtCacheSqlLimit", "2048",
            "cacheResultSetMetadata", "true",
            "cacheServerConfiguration", "true",
            "useLocalSessionState", "true",
            "maintainTimeStats", "false",
            "openTelemetry", "DISABLED");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            DEFAULTS.forEach((name, value) -> pool.getDataSourceProperties().putIfAbsent(name, value));
        }
        return bean;
    }
}
