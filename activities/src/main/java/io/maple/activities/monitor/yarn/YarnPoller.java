package io.maple.activities.monitor.yarn;

import io.maple.activities.launch.yarn.ApplicationsSource;
import io.maple.activities.launch.yarn.StartingBound;
import io.maple.activities.launch.yarn.YarnApp;
import io.maple.activities.launch.yarn.YarnTags;
import io.maple.workflows.contract.ClusterObservation;
import io.maple.workflows.contract.ClusterPhase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batched monitoring of one YARN cluster: each {@link #pollOnce()} makes one MySQL query (the
 * executions that may have a live app) and one RM call ({@code getApplications} filtered by their
 * tags), then delivers an observation only for executions whose observation changed since the last
 * delivery. The cost per interval is one RM call per cluster whatever the number of executions.
 *
 * <p>An execution with no app on the RM for {@code notFoundGrace} is reported NOT_FOUND (the workflow
 * decides UNKNOWN, then FAILED); an app past the STARTING bound is killed and reported START_FAILED.
 * When the RM cannot be asked nothing is delivered: the workflows' own fallback check notices the
 * silence. Not thread-safe: one poller per cluster, called from one scheduler thread.
 */
public class YarnPoller {

    private static final Logger log = LoggerFactory.getLogger(YarnPoller.class);

    /** What a signal is worth sending for; resource usage alone does not wake a workflow. */
    private record Key(ClusterPhase phase, String rawState, String finalStatus, String diagnostics, String trackingUrl) {
        static Key of(ClusterObservation o) {
            return new Key(o.phase(), o.rawState(), o.finalStatus(), o.diagnostics(), o.trackingUrl());
        }
    }

    /** What one interval did. */
    public record PollResult(int watched, int appsSeen, int delivered, int rmCalls) {
    }

    private final String cluster;
    private final ApplicationsSource rm;
    private final WatchedExecutions watched;
    private final ObservationSink sink;
    private final StartingBound startingBound;
    private final Duration notFoundGrace;
    private final Clock clock;
    private final Counter rmCalls;
    private final Counter rmFailures;
    private final Counter signals;

    private final Map<Long, Key> lastDelivered = new HashMap<>();
    private final Map<Long, Long> missingSince = new HashMap<>();

    public YarnPoller(String cluster, ApplicationsSource rm, WatchedExecutions watched, ObservationSink sink,
                      Duration startingTimeout, Duration notFoundGrace, Clock clock, MeterRegistry meters) {
        this.cluster = cluster;
        this.rm = rm;
        this.watched = watched;
        this.sink = sink;
        this.startingBound = new StartingBound(startingTimeout);
        this.notFoundGrace = notFoundGrace;
        this.clock = clock;
        this.rmCalls = Counter.builder("maple.yarn.poller.rm.calls").tag("cluster", cluster)
                .description("getApplications calls made by the YARN poller").register(meters);
        this.rmFailures = Counter.builder("maple.yarn.poller.rm.failures").tag("cluster", cluster).register(meters);
        this.signals = Counter.builder("maple.yarn.poller.signals").tag("cluster", cluster)
                .description("observations delivered to workflows").register(meters);
    }

    public PollResult pollOnce() {
        List<Long> ids = watched.watchedOn(cluster);
        Set<Long> idSet = new HashSet<>(ids);
        lastDelivered.keySet().retainAll(idSet);
        missingSince.keySet().retainAll(idSet);
        if (ids.isEmpty()) {
            return new PollResult(0, 0, 0, 0);
        }
        Set<String> tags = new HashSet<>(ids.size() * 2);
        ids.forEach(id -> tags.add(YarnTags.forExecution(id)));
        List<YarnApp> apps;
        rmCalls.increment();
        try {
            apps = rm.applicationsTagged(tags);
        } catch (RuntimeException e) {
            rmFailures.increment();
            log.warn("YARN cluster {}: poll failed, nothing delivered this interval: {}", cluster, e.getMessage());
            return new PollResult(ids.size(), 0, 0, 1);
        }
        long now = clock.millis();
        Map<Long, YarnApp> byExecution = newestPerExecution(apps, idSet);
        int delivered = 0;
        for (long id : ids) {
            Key last = lastDelivered.get(id);
            if (last != null && last.phase().isFinal()) {
                continue; // a final phase was delivered: later words (e.g. KILLED after START_FAILED) change nothing
            }
            ClusterObservation o = observationOf(id, byExecution.get(id), now);
            if (o != null && !Objects.equals(last, Key.of(o)) && sink.deliver(o)) {
                lastDelivered.put(id, Key.of(o));
                signals.increment();
                delivered++;
            }
        }
        return new PollResult(ids.size(), apps.size(), delivered, 1);
    }

    private ClusterObservation observationOf(long id, YarnApp app, long now) {
        if (app == null) {
            long since = missingSince.computeIfAbsent(id, k -> now);
            if (now - since < notFoundGrace.toMillis()) {
                return null;
            }
            return new ClusterObservation(id, null, ClusterPhase.NOT_FOUND, null, null,
                    // "since" rather than "for": a text that changes every interval would re-signal every interval
                    "no YARN application tagged " + YarnTags.forExecution(id) + " since " + Instant.ofEpochMilli(since),
                    null, null, null, Map.of(), now);
        }
        missingSince.remove(id);
        if (startingBound.exceededBy(app, now)) {
            String reason = startingBound.reason(app);
            try {
                rm.kill(app.appId(), reason);
            } catch (RuntimeException e) {
                log.warn("execution {}: could not kill {} past the STARTING bound: {}", id, app.appId(), e.getMessage());
                return null;
            }
            return app.observation(id, ClusterPhase.START_FAILED, reason, now);
        }
        return app.toObservation(id, now);
    }

    private static Map<Long, YarnApp> newestPerExecution(List<YarnApp> apps, Set<Long> ids) {
        Map<Long, YarnApp> out = new HashMap<>();
        for (YarnApp app : apps) {
            for (String tag : app.tags()) {
                OptionalLong id = YarnTags.executionIdOf(tag);
                if (id.isPresent() && ids.contains(id.getAsLong())) {
                    out.merge(id.getAsLong(), app, (a, b) -> a.startTimeMillis() >= b.startTimeMillis() ? a : b);
                }
            }
        }
        return out;
    }
}
