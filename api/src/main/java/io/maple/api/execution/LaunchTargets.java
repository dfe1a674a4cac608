package io.maple.api.execution;

import io.maple.api.config.ApiProperties;
import io.maple.domain.EngineCategory;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.LaunchTargetRecord;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The submit-time lookup of a cluster engine (cluster, engine, default conf), remembered for
 * {@code maple.api.launch-target-cache} after it was found: a busy scheduler submits to the same few
 * engines thousands of times a day, and the lookup was a fifth of a submission's database work.
 * Only what exists is remembered, so an engine registered a moment ago is found at once; one removed
 * may still be accepted for that long, and then fails its launch (the worker reads the registry
 * again when it renders). This process's own admin changes clear it at once.
 */
@Component
public class LaunchTargets {

    private final ClusterMapper clusters;
    private final long ttlMillis;
    private final Clock clock;
    private final Map<Key, Found> found = new ConcurrentHashMap<>();

    public LaunchTargets(ClusterMapper clusters, ApiProperties properties, Clock clock) {
        this.clusters = clusters;
        this.ttlMillis = properties.launchTargetCache().toMillis();
        this.clock = clock;
    }

    /** The launch target, or null when the cluster does not exist or does not have this engine. */
    public LaunchTargetRecord find(String cluster, EngineCategory category, String version) {
        Key key = new Key(cluster, category, version);
        long now = clock.millis();
        Found known = found.get(key);
        if (known != null && now < known.until()) {
            return known.target();
        }
        LaunchTargetRecord target = clusters.findLaunchTarget(cluster, category, version);
        if (target != null && ttlMillis > 0) {
            found.put(key, new Found(target, now + ttlMillis));
        } else {
            found.remove(key);
        }
        return target;
    }

    /** After a change to clusters or engines. */
    public void forget() {
        found.clear();
    }

    private record Key(String cluster, EngineCategory category, String version) {
    }

    private record Found(LaunchTargetRecord target, long until) {
    }
}
