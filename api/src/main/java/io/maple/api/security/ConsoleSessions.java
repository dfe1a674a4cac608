package io.maple.api.security;

import io.maple.api.config.SecurityProperties;
import io.maple.domain.report.Hmac;
import io.maple.persistence.session.ConsoleSessionMapper;
import io.maple.persistence.session.ConsoleSessionRecord;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The console's signed-in sessions. The browser holds a random token in an HttpOnly, SameSite=Strict
 * cookie (Secure where the api is served over TLS); MySQL keeps only the token's SHA-256, so sessions
 * survive an api restart and hold across api instances, and sign-out ends one at once. A session's
 * requests that change something also carry its CSRF token, derived from the session token with the
 * server secret: a page of another site can neither read it nor, with SameSite=Strict, send the cookie.
 */
@Component
public class ConsoleSessions {

    public static final String COOKIE = "maple_session";
    public static final String CSRF_HEADER = "X-Maple-CSRF";

    private final ConsoleSessionMapper sessions;
    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConsoleSessions(ConsoleSessionMapper sessions, SecurityProperties properties, Clock clock) {
        this.sessions = sessions;
        this.secret = properties.secret().getBytes(StandardCharsets.UTF_8);
        this.ttl = properties.console().sessionTtl();
        this.clock = clock;
    }

    /** A session just opened: the cookie's token, its CSRF token and when it ends. */
    public record Opened(String token, String csrf, Instant expires) {
    }

    /** Opens a session for an app whose key was just checked. */
    Opened open(String app, String remoteAddr) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        sessions.deleteExpired(now); // sign-ins are rare: sweeping here keeps the table to the live ones
        Instant expires = now.plus(ttl);
        sessions.insert(new ConsoleSessionRecord(hash(token), app, remoteAddr, now, expires));
        return new Opened(token, csrfOf(token), expires);
    }

    /** The request's session token (its cookie), or null. */
    String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** The live session of a token, or null when it never was, has expired or was signed out. */
    ConsoleSessionRecord find(String token) {
        return token == null ? null : sessions.findLive(hash(token), clock.instant());
    }

    void close(String token) {
        sessions.delete(hash(token));
    }

    String csrfOf(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.sha256(secret, "console-csrf:" + token));
    }

    /** Constant-time check of a request's CSRF header against its session's. */
    boolean csrfMatches(String token, String presented) {
        return presented != null && MessageDigest.isEqual(csrfOf(token).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The cookie that holds a session for its whole life; {@code token} null clears it. */
    ResponseCookie cookie(String token, boolean secure) {
        return ResponseCookie.from(COOKIE, token == null ? "" : token)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path("/")
                .maxAge(token == null ? Duration.ZERO : ttl)
                .build();
    }

    private static String hash(String token) {
        return AccessKeys.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
