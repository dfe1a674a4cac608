package io.maple.engine.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maple.domain.ClusterCategory;
import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import io.maple.engine.spi.InvalidJobException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Submit-time refusals of the Flink plugin, each naming the offending field. */
class FlinkPluginTest {

    private final FlinkPlugin plugin = new FlinkPlugin();

    @Test
    void sparkResourceFieldsAreRefused() {
        JobConfig job = new JobConfig(null, "2g", null, null, null, null, null, null, null, null, null, RunType.JAR,
                Map.of("mainFile", "a.jar"));
        assertField(job, ClusterCategory.YARN, "driverMemory");
    }

    @Test
    void aConflictingYarnQueueIsRefusedAndAMatchingOneDropped() {
        assertField(jobWithConf("yarn.application.queue", "root.other"), ClusterCategory.YARN, "conf.yarn.application.queue");
        plugin.validate(FlinkRequests.request(ClusterCategory.YARN, jobWithConf("yarn.application.queue", "root.streams")));
    }

    @Test
    void reservedConfsAreRefused() {
        for (String key : FlinkConf.RESERVED) {
            assertField(jobWithConf(key, "x"), ClusterCategory.YARN, "conf." + key);
        }
        assertField(jobWithConf("a=b", "x"), ClusterCategory.LOCAL, "conf.a=b");
    }

    @Test
    void missingMainFileAndUnsupportedVersionsAreRefused() {
        assertField(new JobConfig(null, null, null, null, null, null, null, null, null, null, null, RunType.JAR,
                Map.of("mainClass", "A")), ClusterCategory.LOCAL, "jobConf.mainFile");
        assertThat(plugin.supports("1.20.1", ClusterCategory.K8S)).isTrue();
        assertThat(plugin.supports("2.0.0", ClusterCategory.YARN)).isTrue();
        assertThat(plugin.supports("1.14.6", ClusterCategory.YARN)).isFalse();
        assertThat(plugin.supports("2.2.0", ClusterCategory.YARN)).isFalse();
        assertThat(plugin.supports("1.20.1; rm -rf /", ClusterCategory.YARN)).isFalse();
    }

    @Test
    void anInlineDataCalcPipelineIsCheckedAndItsSourcesNeedASchema() {
        Map<String, Object> pipeline = Map.of(
                "sources", java.util.List.of(Map.of("name", "s", "format", "csv", "path", "p")),
                "sinks", java.util.List.of(Map.of("from", "s", "format", "json", "path", "o")));
        assertField(new JobConfig(null, null, null, null, null, null, null, null, null, null, null,
                RunType.DATA_CALC, Map.of("pipeline", pipeline)), ClusterCategory.LOCAL, "jobConf.pipeline.sources[0].schema");
    }

    @Test
    void aForbiddenConfWithoutReplacementIsRefusedNamingItsField() {
        JobConfig job = jobWithConf("state.checkpoints.dir", "hdfs:///mine");
        for (ClusterCategory category : ClusterCategory.values()) {
            assertThatThrownBy(() -> plugin.validate(FlinkRequests.request(category, job, FlinkRequests.FORBIDDING_EXT_INFO)))
                    .isInstanceOf(InvalidJobException.class)
                    .hasMessageContaining("conf.state.checkpoints.dir is not allowed on this engine")
                    .hasMessageContaining("checkpoints go where the platform keeps them")
                    .extracting(e -> ((InvalidJobException) e).field()).isEqualTo("conf.state.checkpoints.dir");
        }
        // without the rule the same job passes
        plugin.validate(FlinkRequests.request(ClusterCategory.YARN, job));
    }

    @Test
    void aForbiddenConfMovedOntoAKeyAlsoGivenWithAnotherValueIsRefused() {
        Map<String, Object> conf = new java.util.LinkedHashMap<>();
        conf.put("env.java.opts.all", "-Xss2m");
        conf.put("env.java.opts", "-Xss4m");
        JobConfig job = new JobConfig(null, null, null, null, null, null, null, null, null, null, conf,
                RunType.JAR, Map.of("mainFile", "a.jar"));
        assertThatThrownBy(() -> plugin.validate(FlinkRequests.request(ClusterCategory.K8S, job,
                FlinkRequests.FORBIDDING_EXT_INFO)))
                .isInstanceOf(InvalidJobException.class)
                .hasMessageContaining("conf.env.java.opts conflicts with conf.env.java.opts.all")
                .extracting(e -> ((InvalidJobException) e).field()).isEqualTo("conf.env.java.opts");
    }

    @Test
    void aForbiddenConfMovedOntoTheQueueMustBeTheExecutionsQueue() {
        assertThatThrownBy(() -> plugin.validate(FlinkRequests.request(ClusterCategory.YARN,
                jobWithConf("yarn.queue", "root.other"), FlinkRequests.FORBIDDING_EXT_INFO)))
                .isInstanceOf(InvalidJobException.class)
                .extracting(e -> ((InvalidJobException) e).field()).isEqualTo("conf.yarn.queue");
        plugin.validate(FlinkRequests.request(ClusterCategory.YARN, jobWithConf("yarn.queue", "root.streams"),
                FlinkRequests.FORBIDDING_EXT_INFO));
    }

    private JobConfig jobWithConf(String key, String value) {
        return new JobConfig(null, null, null, null, null, null, null, null, null, null, Map.of(key, value),
                RunType.JAR, Map.of("mainFile", "a.jar"));
    }

    private void assertField(JobConfig job, ClusterCategory category, String field) {
        assertThatThrownBy(() -> plugin.validate(FlinkRequests.request(category, job)))
                .isInstanceOf(InvalidJobException.class)
                .extracting(e -> ((InvalidJobException) e).field()).isEqualTo(field);
    }
}
