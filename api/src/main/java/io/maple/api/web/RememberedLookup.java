package io.maple.api.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A database lookup on every request's path, remembered for a while after it found something. Only
 * what exists is remembered: what was just created is found at once, and names that match nothing
 * (a caller's typo, a probe) are asked again each time and never fill the memory. A change made
 * elsewhere shows within the time remembered; this process's own changes call {@link #forget()}.
 *
 * @param <K> what is looked up by (a value type: equal keys are one entry)
 * @param <V> what is found; null when nothing is
 */
public final class RememberedLookup<K, V> {

    private final Function<K, V> lookup;
    private final long ttlMillis;
    private final Clock clock;
    private final Map<K, Found<V>> found = new ConcurrentHashMap<>();

    /** {@code ttl} zero asks the database every time. */
    public RememberedLookup(Function<K, V> lookup, Duration ttl, Clock clock) {
        this.lookup = lookup;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    public V get(K key) {
        long now = clock.millis();
        Found<V> known = found.get(key);
        if (known != null && now < known.until()) {
            return known.value();
        }
        V value = lookup.apply(key);
        if (value != null && ttlMillis > 0) {
            found.put(key, new Found<>(value, now + ttlMillis));
        } else {
            found.remove(key);
        }
        return value;
    }

    /** After a change to what is looked up. */
    public void forget() {
        found.clear();
    }

    private record Found<V>(V value, long until) {
    }
}
