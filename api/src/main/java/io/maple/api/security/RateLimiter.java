package io.maple.api.security;

import io.maple.api.config.SecurityProperties;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** One in-memory token bucket per app (per API instance): a burst of {@code capacity}, refilled steadily. */
@Component
class RateLimiter {

    private final SecurityProperties properties;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** 0 when the request may go, else the whole seconds to wait before a token is back. */
    long acquire(String app) {
        return take(app, properties.rateLimitOf(app));
    }

    /**
     * A console sign-in attempt, counted against both the address it comes from and the app it names, so
     * neither guessing many apps' keys from one host nor one app's key from many hosts goes fast.
     * 0 when it may go, else the seconds to wait.
     */
    long acquireSignIn(String remoteAddr, String knownApp) {
        SecurityProperties.Console console = properties.console();
        // app names never hold ':', so these keys never meet an app's own bucket; a name that is no app gets
        // no bucket of its own, so made-up names cannot fill this map
        long byHost = take("sign-in-host:" + remoteAddr, console.perHost());
        long byApp = knownApp == null ? 0 : take("sign-in-app:" + knownApp, console.perApp());
        return Math.max(byHost, byApp);
    }

    private long take(String key, SecurityProperties.RateLimit limit) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.capacity(), clock.millis()));
        return bucket.take(limit, clock.millis());
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(SecurityProperties.RateLimit limit, long now) {
            tokens = Math.min(limit.capacity(), tokens + (now - last) / 1000.0 * limit.perSecond());
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / limit.perSecond()));
        }
    }
}
