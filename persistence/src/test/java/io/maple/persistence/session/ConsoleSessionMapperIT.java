package io.maple.persistence.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.persistence.PersistenceTestApp;
import io.maple.persistence.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApp.class)
class ConsoleSessionMapperIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "persistence_console_session_mapper");
    }

    @Autowired
    ConsoleSessionMapper sessions;

    @Test
    void aSessionIsFoundUntilItExpiresOrIsDeleted() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String live = hash();
        String expired = hash();
        String signedOut = hash();
        sessions.insert(new ConsoleSessionRecord(live, "app-a", "127.0.0.1", now, now.plusSeconds(3600)));
        sessions.insert(new ConsoleSessionRecord(expired, "app-a", "127.0.0.1", now.minusSeconds(7200), now.minusSeconds(1)));
        sessions.insert(new ConsoleSessionRecord(signedOut, "app-b", null, now, now.plusSeconds(3600)));

        assertThat(sessions.findLive(live, now)).isEqualTo(
                new ConsoleSessionRecord(live, "app-a", "127.0.0.1", now, now.plusSeconds(3600)));
        assertThat(sessions.findLive(live, now.plusSeconds(3600))).as("at its expiry").isNull();
        assertThat(sessions.findLive(expired, now)).isNull();
        assertThat(sessions.delete(signedOut)).isEqualTo(1);
        assertThat(sessions.findLive(signedOut, now)).isNull();

        assertThat(sessions.deleteExpired(now)).isGreaterThanOrEqualTo(1);
        assertThat(sessions.delete(expired)).as("already swept").isZero();
        assertThat(sessions.findLive(live, now)).isNotNull();
    }

    private static String hash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
