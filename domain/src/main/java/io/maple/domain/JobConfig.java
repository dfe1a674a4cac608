package io.maple.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The seed's "作业配置": resource fields (Spark), free {@code conf}, the {@code runType} and its
 * {@code jobConf}. One shape for both engines; each engine plugin validates what applies to it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobConfig(
        String driverCores,
        String driverMemory,
        String numExecutors,
        String executorCores,
        String executorMemory,
        String driverJavaOptions,
        String driverClassPath,
        String jars,
        String files,
        String archives,
        Map<String, Object> conf,
        RunType runType,
        Map<String, Object> jobConf) {
}
