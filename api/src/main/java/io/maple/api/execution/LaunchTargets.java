package io.maple.api.execution;

import io.maple.api.config.ApiProperties;
import io.maple.api.web.RememberedLookup;
import io.maple.domain.EngineCategory;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.LaunchTargetRecord;
import java.time.Clock;
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

    private final RememberedLookup<Key, LaunchTargetRecord> found;

    public LaunchTargets(ClusterMapper clusters, ApiProperties properties, Clock clock) {
        this.found = new RememberedLookup<>(k -> clusters.findLaunchTarget(k.cluster(), k.category(), k.version()),
                properties.launchTargetCache(), clock);
    }

    /** The launch target, or null when the cluster does not exist or does not have this engine. */
    public LaunchTargetRecord find(String cluster, EngineCategory category, String version) {
        return found.get(new Key(cluster, category, version));
    }

    /** After a change to clusters or engines. */
    public void forget() {
        found.forget();
    }

    private record Key(String cluster, EngineCategory category, String version) {
    }
}
