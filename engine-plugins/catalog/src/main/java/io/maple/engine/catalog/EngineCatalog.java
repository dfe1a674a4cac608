package io.maple.engine.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.domain.JobConfig;
import io.maple.engine.spi.EngineExtInfo;
import io.maple.engine.spi.EnginePlugins;
import io.maple.engine.spi.InvalidJobException;
import io.maple.engine.spi.LaunchRequest;
import io.maple.engine.spi.LaunchSpec;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.LaunchTargetRecord;
import io.maple.persistence.execution.ExecutionRecord;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Joins an execution with its cluster, cluster engine (home, ext info) and default conf, and asks
 * the engine plugins to validate or render it. The api validates with it at submit, so a job that
 * cannot be launched is a 400 then and never a failure at launch; the worker renders with it.
 */
@Component
public class EngineCatalog {

    /** Distinct ext infos kept parsed; past this many (the registry was rewritten often) they start over. */
    private static final int PARSED_EXT_INFOS = 1_000;

    private final ClusterMapper clusters;
    private final EnginePlugins plugins;
    private final ObjectMapper json;
    /** By stored text: every submission reads its engine's ext info, and there are a handful of them. */
    private final Map<String, EngineExtInfo> parsedExtInfo = new ConcurrentHashMap<>();

    public EngineCatalog(ClusterMapper clusters, EnginePlugins plugins, ObjectMapper json) {
        this.clusters = clusters;
        this.plugins = plugins;
        this.json = json;
    }

    public void validate(LaunchSubject subject) {
        plugins.validate(launchRequest(subject));
    }

    /** Validates against a target the caller has just read ({@link ClusterMapper#findLaunchTarget}). */
    public void validate(LaunchSubject subject, LaunchTargetRecord target) {
        plugins.validate(launchRequest(subject, target));
    }

    public LaunchSpec render(LaunchSubject subject) {
        return plugins.render(launchRequest(subject));
    }

    /** Renders a stored execution from its row and the job configuration stored beside it. */
    public LaunchSpec render(ExecutionRecord execution, String configuration) {
        return render(new LaunchSubject(execution.id(), execution.execName(), execution.fromApp(),
                execution.cluster(), execution.clusterQueue(), execution.execGroup(), execution.execUser(),
                execution.engineCategory(), execution.engineVersion(), read(configuration, JobConfig.class, "job")));
    }

    public LaunchRequest launchRequest(LaunchSubject s) {
        // one round trip on the happy path; the second query only says which reference is wrong
        LaunchTargetRecord target = clusters.findLaunchTarget(s.cluster(), s.engine(), s.engineVersion());
        if (target == null) {
            if (clusters.findClusterByName(s.cluster()) == null) {
                throw new InvalidJobException("cluster", "unknown cluster '" + s.cluster() + "'");
            }
            throw new InvalidJobException("engineVersion", (s.engine() == null ? "engine" : s.engine().wireName())
                    + " " + s.engineVersion() + " is not registered on cluster '" + s.cluster() + "'");
        }
        return launchRequest(s, target);
    }

    private LaunchRequest launchRequest(LaunchSubject s, LaunchTargetRecord target) {
        return new LaunchRequest(s.executionId(), s.execName(), s.fromApp(), target.clusterName(),
                target.clusterCategory(), s.clusterQueue(), s.group(), s.user(), s.engine(), s.engineVersion(),
                target.engineHome(), extInfo(target.engineExtInfo()),
                target.defaultConfiguration() == null ? null
                        : read(target.defaultConfiguration(), JobConfig.class, "defaultConf"),
                s.job());
    }

    private EngineExtInfo extInfo(String stored) {
        if (stored == null || stored.isBlank()) {
            return EngineExtInfo.none();
        }
        EngineExtInfo known = parsedExtInfo.get(stored);
        if (known != null) {
            return known;
        }
        EngineExtInfo parsed = read(stored, EngineExtInfo.class, "extInfo");
        // shared by every request from now on: nobody may change it
        EngineExtInfo shared = new EngineExtInfo(
                parsed.envs() == null ? Map.of() : Collections.unmodifiableMap(parsed.envs()),
                parsed.forbiddenConfs() == null ? List.of() : Collections.unmodifiableList(parsed.forbiddenConfs()));
        if (parsedExtInfo.size() >= PARSED_EXT_INFOS) {
            parsedExtInfo.clear();
        }
        parsedExtInfo.put(stored, shared);
        return shared;
    }

    private <T> T read(String stored, Class<T> type, String what) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + what + " is not a valid " + type.getSimpleName(), e);
        }
    }
}
