package io.maple.engine.spi;

import java.util.List;
import java.util.Map;

/** The seed's {@code maple_cluster_engine.ext_info}: environment to export and confs users may not set. */
public record EngineExtInfo(Map<String, String> envs, List<ForbiddenConf> forbiddenConfs) {

    /** A conf that is never rendered as {@code --conf}; its value goes through {@code replaceParameter}. */
    public record ForbiddenConf(String name, String replaceParameter, String desc) {
    }

    public static EngineExtInfo none() {
        return new EngineExtInfo(Map.of(), List.of());
    }
}
