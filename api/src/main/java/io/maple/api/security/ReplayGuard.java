package io.maple.api.security;

import io.maple.api.config.SecurityProperties;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers the signatures seen inside the timestamp window, so each signed request is accepted
 * once. Older ones need no memory: the window check refuses them. In memory, per API instance.
 */
@Component
class ReplayGuard {

    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final long windowMillis;
    private final Clock clock;

    ReplayGuard(SecurityProperties properties, Clock clock) {
        this.windowMillis = properties.signatureWindow().toMillis();
        this.clock = clock;
    }

    /** True the first time a signature is presented inside the window. */
    boolean firstUse(String app, String signature) {
        long now = clock.millis();
        if (seen.size() > 10_000) {
            seen.values().removeIf(expiry -> expiry < now);
        }
        Long previous = seen.putIfAbsent(app + ":" + signature, now + 2 * windowMillis);
        return previous == null || previous < now && seen.replace(app + ":" + signature, previous,
                now + 2 * windowMillis);
    }
}
