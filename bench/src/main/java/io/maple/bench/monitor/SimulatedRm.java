package io.maple.bench.monitor;

import io.maple.activities.launch.yarn.ApplicationsSource;
import io.maple.activities.launch.yarn.YarnApp;
import io.maple.activities.launch.yarn.YarnTags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/**
 * A ResourceManager holding N running applications, indexed by tag (a minicluster cannot hold
 * 10,000). Every call copies what it returns, as deserializing an RPC answer would, and is counted.
 */
final class SimulatedRm implements ApplicationsSource {

    private final Map<String, YarnApp> byTag = new HashMap<>();
    private final AtomicLong calls = new AtomicLong();

    SimulatedRm(int n) {
        long start = System.currentTimeMillis() - 60_000;
        for (long id = 1; id <= n; id++) {
            String tag = YarnTags.forExecution(id);
            byTag.put(tag, new YarnApp("application_1700000000000_" + id, Set.of(tag), YarnApplicationState.RUNNING,
                    FinalApplicationStatus.UNDEFINED, "", "http://rm:8088/proxy/application_1700000000000_" + id + "/",
                    1024, 2, start, 0, "root.default", "SPARK"));
        }
    }

    long calls() {
        return calls.get();
    }

    void resetCalls() {
        calls.set(0);
    }

    /** Moves every {@code step}-th app to FINISHED, so some observations change each interval. */
    void advance(int step, int interval) {
        byTag.replaceAll((tag, a) -> YarnTags.executionIdOf(tag).getAsLong() % step == interval % step
                ? new YarnApp(a.appId(), a.tags(), YarnApplicationState.FINISHED, FinalApplicationStatus.SUCCEEDED,
                "done", a.trackingUrl(), 0, 0, a.startTimeMillis(), System.currentTimeMillis(), a.queue(), a.type())
                : a);
    }

    @Override
    public List<YarnApp> applicationsTagged(Set<String> tags) {
        calls.incrementAndGet();
        List<YarnApp> out = new ArrayList<>(tags.size());
        for (String tag : tags) {
            YarnApp a = byTag.get(tag);
            if (a != null) {
                out.add(new YarnApp(a.appId(), Set.copyOf(a.tags()), a.state(), a.finalStatus(), a.diagnostics(),
                        a.trackingUrl(), a.memoryMb(), a.vcores(), a.startTimeMillis(), a.finishTimeMillis(),
                        a.queue(), a.type()));
            }
        }
        return out;
    }

    @Override
    public void kill(String appId, String diagnostics) {
    }
}
