package io.maple.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.JdbcConnection;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The pool's connections run with Maple's driver defaults, and a configured value wins over them. */
@SpringBootTest(classes = PersistenceTestApp.class,
        properties = "spring.datasource.hikari.data-source-properties.prepStmtCacheSize=99")
class MysqlDriverDefaultsIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "persistence_mysql_driver_defaults");
    }

    @Autowired
    DataSource dataSource;

    @Test
    void connectionsCacheStatementsAndOpenNoSpans() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            var driver = c.unwrap(JdbcConnection.class).getPropertySet();
            assertThat(driver.getBooleanProperty("cachePrepStmts").getValue()).isTrue();
            assertThat(driver.getBooleanProperty("useLocalSessionState").getValue()).isTrue();
            assertThat(driver.getProperty("openTelemetry").getStringValue()).isEqualTo("DISABLED");
            assertThat(driver.getIntegerProperty("prepStmtCacheSize").getValue()).isEqualTo(99);
            assertThat(c.createStatement().executeQuery("SELECT 1").next()).isTrue();
        }
    }
}
