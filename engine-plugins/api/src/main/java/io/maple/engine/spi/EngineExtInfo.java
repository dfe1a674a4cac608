package io.maple.engine.spi;

import java.util.List;
import java.util.Map;

/** The seed's {@code maple_cluster_engine.ext_info}: environment to export and confs users may not set. */
public record EngineExtInfo(Map<String, String> envs, List<ForbiddenConf> forbiddenConfs) {

    /**
     * A conf a job may not set itself: its value goes through {@code replaceParameter} where the engine
     * gives one, and the key is refused where it gives none.
     */
    public record ForbiddenConf(String name, String replaceParameter, String desc) {

        /** True when the key is refused outright: no {@code replaceParameter} takes its value. */
        public boolean refused() {
            return replaceParameter == null || replaceParameter.isBlank();
        }

        /** The 400 for a job that sets it at {@code field} when it is refused. */
        public InvalidJobException refusal(String field) {
            String why = desc == null || desc.isBlank() ? "" : " (" + desc + ")";
            return new InvalidJobException(field, field + " is not allowed on this engine" + why);
        }
    }

    public static EngineExtInfo none() {
        return new EngineExtInfo(Map.of(), List.of());
    }
}
