package io.maple.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.api.config.SecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session cookie's attributes and the CSRF token's derivation, without a database. */
class ConsoleSessionsTest {

    private final ConsoleSessions sessions = sessions("secret-one");

    @Test
    void theCookieIsSecureWhereTheRequestCameOverTls() {
        String tls = sessions.cookie("token", true).toString();
        String plain = sessions.cookie("token", false).toString();

        assertThat(tls).startsWith("maple_session=token;").contains("; Secure").contains("; HttpOnly")
                .contains("; SameSite=Strict").contains("Max-Age=3600");
        assertThat(plain).doesNotContain("Secure").contains("; HttpOnly").contains("; SameSite=Strict");
        assertThat(sessions.cookie(null, true).toString()).startsWith("maple_session=;").contains("Max-Age=0")
                .contains("; Secure");
    }

    @Test
    void theCsrfTokenIsTheSessionsOwnAndTheServersSecretsOwn() {
        String csrf = sessions.csrfOf("token-a");

        assertThat(sessions.csrfMatches("token-a", csrf)).isTrue();
        assertThat(sessions.csrfMatches("token-b", csrf)).as("another session's").isFalse();
        assertThat(sessions.csrfMatches("token-a", null)).isFalse();
        assertThat(sessions.csrfMatches("token-a", csrf.substring(1))).isFalse();
        assertThat(sessions("secret-two").csrfOf("token-a")).as("another install's").isNotEqualTo(csrf);
        assertThat(csrf).doesNotContain("token-a");
    }

    private static ConsoleSessions sessions(String secret) {
        SecurityProperties properties = new SecurityProperties(true, secret, "maple-admin", "admin-key",
                List.of("127.0.0.1/32"), Duration.ofMinutes(5), new SecurityProperties.RateLimit(10, 10), Map.of(),
                new SecurityProperties.Console(Duration.ofHours(1), 20, 5), Duration.ofSeconds(5));
        return new ConsoleSessions(null, properties, Clock.systemUTC());
    }
}
