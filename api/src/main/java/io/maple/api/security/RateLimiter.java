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
        SecurityProperties.RateLimit limit = properties.rateLimitOf(app);
        Bucket bucket = buckets.computeIfAbsent(app, a -> new Bucket(limit.capacity(), clock.millis()));
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
