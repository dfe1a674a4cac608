package io.maple.api.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maple.api.execution.LaunchTargets;
import io.maple.api.web.BadRequestException;
import io.maple.api.web.ConflictException;
import io.maple.api.web.NotFoundException;
import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;
import io.maple.engine.spi.EngineExtInfo;
import io.maple.persistence.GeneratedId;
import io.maple.persistence.cluster.ClusterEngineRecord;
import io.maple.api.security.Secrets;
import io.maple.persistence.cluster.ClusterMapper;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.cluster.DefaultConfRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Registers clusters, their engine versions and the engines' default job configuration. */
@Service
class ClusterAdminService {

    static final String NAME_PATTERN = "[A-Za-z0-9._-]+";

    private final ClusterMapper clusters;
    private final LaunchTargets launchTargets;
    private final ObjectMapper json;
    private final Clock clock;

    ClusterAdminService(ClusterMapper clusters, LaunchTargets launchTargets, ObjectMapper json, Clock clock) {
        this.clusters = clusters;
        this.launchTargets = launchTargets;
        this.json = json;
        this.clock = clock;
    }

    List<ClusterView> clusters() {
        return clusters.findAllClusters().stream().map(this::view).toList();
    }

    ClusterView cluster(String name) {
        return view(requireCluster(name));
    }

    ClusterView create(CreateClusterRequest request) {
        Instant now = clock.instant();
        try {
            clusters.insertCluster(new ClusterRecord(null, request.name(), request.category(),
                    write(request.config()), request.description(), now, now), new GeneratedId());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("cluster '" + request.name() + "' already exists");
        }
        return cluster(request.name());
    }

    ClusterView update(String name, UpdateClusterRequest request) {
        ClusterRecord current = requireCluster(name);
        // a config read back from GET carries "***" for secrets: those keep the stored value
        JsonNode config = Secrets.restoreMasked(request.config(), read(current.config()));
        clusters.updateCluster(new ClusterRecord(current.id(), name, request.category(), write(config),
                request.description(), current.createTime(), clock.instant()));
        launchTargets.forget();
        return cluster(name);
    }

    List<EngineView> engines(String clusterName) {
        ClusterRecord cluster = requireCluster(clusterName);
        return clusters.findEngines(cluster.id()).stream().map(e -> view(cluster, e)).toList();
    }

    EngineView engine(String clusterName, EngineCategory category, String version) {
        ClusterRecord cluster = requireCluster(clusterName);
        return view(cluster, requireEngine(cluster, category, version));
    }

    EngineView createEngine(String clusterName, CreateEngineRequest request) {
        ClusterRecord cluster = requireCluster(clusterName);
        Instant now = clock.instant();
        try {
            clusters.insertEngine(new ClusterEngineRecord(null, cluster.id(), request.engineCategory(),
                    request.engineVersion(), request.engineHome(), write(normalise(request.extInfo())), now, now),
                    new GeneratedId());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(request.engineCategory().wireName() + " " + request.engineVersion()
                    + " is already registered on cluster '" + clusterName + "'");
        }
        return engine(clusterName, request.engineCategory(), request.engineVersion());
    }

    EngineView updateEngine(String clusterName, EngineCategory category, String version,
                            UpdateEngineRequest request) {
        ClusterRecord cluster = requireCluster(clusterName);
        ClusterEngineRecord current = requireEngine(cluster, category, version);
        clusters.updateEngine(new ClusterEngineRecord(current.id(), cluster.id(), category, version,
                request.engineHome(), write(normalise(request.extInfo())), current.createTime(), clock.instant()));
        launchTargets.forget();
        return engine(clusterName, category, version);
    }

    DefaultConfView defaultConf(String clusterName, EngineCategory category, String version) {
        ClusterRecord cluster = requireCluster(clusterName);
        ClusterEngineRecord engine = requireEngine(cluster, category, version);
        DefaultConfRecord conf = clusters.findDefaultConf(engine.id());
        if (conf == null) {
            throw new NotFoundException("no default conf for " + category.wireName() + " " + version
                    + " on cluster '" + clusterName + "'");
        }
        return new DefaultConfView(clusterName, category, version, Secrets.redact(read(conf.configuration())),
                conf.updateTime());
    }

    DefaultConfView putDefaultConf(String clusterName, EngineCategory category, String version,
                                   ObjectNode configuration) {
        ClusterRecord cluster = requireCluster(clusterName);
        ClusterEngineRecord engine = requireEngine(cluster, category, version);
        if (configuration == null) {
            throw new BadRequestException("body", "must be a JSON object");
        }
        try {
            // it is merged under a JobConfig at launch, so it has to read as one (runType, typed fields)
            json.treeToValue(configuration, JobConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadRequestException("body", "is not a job configuration: " + e.getMessage());
        }
        Instant now = clock.instant();
        clusters.upsertDefaultConf(new DefaultConfRecord(null, engine.id(), write(configuration), now, now));
        launchTargets.forget();
        return defaultConf(clusterName, category, version);
    }

    /** Stores ext info in exactly the seed's shape: both keys present, forbidden confs named. */
    private EngineExtInfo normalise(EngineExtInfo extInfo) {
        if (extInfo == null) {
            return EngineExtInfo.none();
        }
        Map<String, String> envs = extInfo.envs() == null ? Map.of() : new LinkedHashMap<>(extInfo.envs());
        envs.keySet().forEach(key -> {
            if (key == null || key.isBlank()) {
                throw new BadRequestException("extInfo.envs", "environment variable names must not be blank");
            }
        });
        List<EngineExtInfo.ForbiddenConf> forbidden = extInfo.forbiddenConfs() == null ? List.of()
                : extInfo.forbiddenConfs();
        for (int i = 0; i < forbidden.size(); i++) {
            EngineExtInfo.ForbiddenConf conf = forbidden.get(i);
            if (conf == null || conf.name() == null || conf.name().isBlank()) {
                throw new BadRequestException("extInfo.forbiddenConfs[" + i + "].name", "must not be blank");
            }
        }
        return new EngineExtInfo(envs, forbidden);
    }

    private ClusterRecord requireCluster(String name) {
        ClusterRecord cluster = clusters.findClusterByName(name);
        if (cluster == null) {
            throw new NotFoundException("cluster '" + name + "' not found");
        }
        return cluster;
    }

    private ClusterEngineRecord requireEngine(ClusterRecord cluster, EngineCategory category, String version) {
        ClusterEngineRecord engine = clusters.findEngine(cluster.id(), category, version);
        if (engine == null) {
            throw new NotFoundException(category.wireName() + " " + version + " is not registered on cluster '"
                    + cluster.name() + "'");
        }
        return engine;
    }

    private ClusterView view(ClusterRecord c) {
        // tokens, passwords, keytabs and kubeconfigs are stored for launches, never shown
        return new ClusterView(c.name(), c.category(), Secrets.redact(read(c.config())), c.description(), c.createTime(),
                c.updateTime());
    }

    private EngineView view(ClusterRecord cluster, ClusterEngineRecord e) {
        EngineExtInfo extInfo = e.extInfo() == null ? EngineExtInfo.none()
                : json.convertValue(read(e.extInfo()), EngineExtInfo.class);
        return new EngineView(cluster.name(), e.engineCategory(), e.engineVersion(), e.engineHome(), extInfo,
                e.createTime(), e.updateTime());
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private JsonNode read(String document) {
        if (document == null) {
            return null;
        }
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }
}
