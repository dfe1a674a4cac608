package io.maple.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import io.maple.engine.spi.EnginePlugins;
import io.maple.engine.spi.InvalidJobException;
import io.maple.engine.spi.LaunchRequest;
import io.maple.engine.spi.LaunchSpec;
import io.maple.engine.spi.PluginSettings;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Submit-time refusals of the Spark plugin, each naming the offending field, and the registry finding it. */
class SparkPluginTest {

    private final SparkPlugin plugin = new SparkPlugin();

    @Test
    void theRegistryFindsTheSparkPluginThroughServiceLoader() {
        EnginePlugins plugins = EnginePlugins.load(getClass().getClassLoader(), PluginSettings.none());
        assertThat(plugins.lookup(EngineCategory.SPARK, "3.5.5", ClusterCategory.YARN)).isInstanceOf(SparkPlugin.class);
        assertField(() -> plugins.lookup(EngineCategory.SPARK, "2.4.8", ClusterCategory.YARN), "engineVersion");
        assertField(() -> plugins.lookup(EngineCategory.FLINK, "1.20.1", ClusterCategory.YARN), "engine");
    }

    @Test
    void runnerJobsNeedSpark3ButJarsRunOnSpark4() {
        for (RunType runType : List.of(RunType.SQL, RunType.SCALA, RunType.DATA_CALC)) {
            assertField(() -> plugin.validate(onVersion("4.0.1", SparkRequests.job(runType))), "engineVersion");
        }
        plugin.validate(onVersion("4.0.1", SparkRequests.job(RunType.JAR)));
        plugin.validate(onVersion("4.0.1", SparkRequests.job(RunType.PY)));
    }

    @Test
    void missingOrAmbiguousJobFieldsAreNamed() {
        assertField(() -> validate(ClusterCategory.YARN, RunType.JAR, Map.of("mainFile", "a.jar")), "jobConf.mainClass");
        assertField(() -> validate(ClusterCategory.YARN, RunType.JAR, Map.of("mainClass", "A")), "jobConf.mainFile");
        assertField(() -> validate(ClusterCategory.YARN, RunType.PY, Map.of()), "jobConf.mainFile");
        assertField(() -> validate(ClusterCategory.YARN, RunType.SQL, Map.of("sql", "select 1", "mainFile", "x.sql")), "jobConf.sql");
        assertField(() -> validate(ClusterCategory.YARN, RunType.SQL, Map.of()), "jobConf.sql");
        assertField(() -> validate(ClusterCategory.YARN, null, Map.of()), "runType");
        assertField(() -> validate(ClusterCategory.YARN, RunType.DATA_CALC, Map.of("pipeline", Map.of(
                "sources", List.of(Map.of("name", "s", "format", "xml", "path", "p")),
                "sinks", List.of(Map.of("from", "s", "format", "csv", "path", "o"))))), "jobConf.pipeline.sources[0].format");
        assertField(() -> validate(ClusterCategory.YARN, RunType.DATA_CALC, Map.of("pipeline", Map.of(
                "sources", List.of(Map.of("name", "s", "format", "jdbc", "url", "u")),
                "sinks", List.of(Map.of("from", "s", "format", "csv", "path", "o"))))), "jobConf.pipeline.sources[0].table");
        assertField(() -> validate(ClusterCategory.YARN, RunType.DATA_CALC, Map.of("pipeline", Map.of(
                "sources", List.of(Map.of("name", "s", "format", "csv", "path", "p")), "sinks", List.of()))),
                "jobConf.pipeline.sinks");
    }

    @Test
    void clusterFieldsAreChecked() {
        JobConfig jar = SparkRequests.job(RunType.JAR);
        LaunchRequest r = SparkRequests.request(ClusterCategory.YARN, jar);
        assertField(() -> plugin.validate(copy(r, ClusterCategory.YARN, null, "3.5.5", jar)), "clusterQueue");
        assertField(() -> plugin.render(copy(r, ClusterCategory.K8S, "Not_A_Namespace", "3.5.5", jar)), "clusterQueue");
        JobConfig fractional = new JobConfig("0.5", null, null, null, null, null, null, null, null, null, null,
                RunType.JAR, Map.of("mainClass", "A", "mainFile", "a.jar"));
        assertField(() -> plugin.render(copy(r, ClusterCategory.K8S, "etl", "3.5.5", fractional)), "driverCores");
    }

    @Test
    void theK8sRunnerJarAndImageComeFromTheSettings() {
        plugin.configure(new PluginSettings(Map.of("spark.k8s.image", "registry/spark:3.5.5",
                "spark.k8s.runner-jar", "local:///opt/runner.jar")));
        LaunchSpec.Resource resource = (LaunchSpec.Resource) plugin.render(
                SparkRequests.request(ClusterCategory.K8S, SparkRequests.job(RunType.SQL)));
        assertThat(resource.yaml()).contains("image: \"registry/spark:3.5.5\"")
                .contains("mainApplicationFile: \"local:///opt/runner.jar\"");
    }

    private void validate(ClusterCategory category, RunType runType, Map<String, Object> jobConf) {
        plugin.validate(SparkRequests.request(category, new JobConfig(null, null, null, null, null, null, null,
                null, null, null, null, runType, jobConf), null));
    }

    private static LaunchRequest onVersion(String version, JobConfig job) {
        LaunchRequest r = SparkRequests.request(ClusterCategory.YARN, job);
        return copy(r, ClusterCategory.YARN, r.clusterQueue(), version, job);
    }

    private static LaunchRequest copy(LaunchRequest r, ClusterCategory category, String queue, String version,
                                      JobConfig job) {
        return new LaunchRequest(r.executionId(), r.execName(), r.fromApp(), r.cluster(), category, queue, r.group(),
                r.user(), r.engine(), version, r.engineHome(), r.engineExtInfo(), r.defaults(), job);
    }

    private static void assertField(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(InvalidJobException.class)
                .extracting(e -> ((InvalidJobException) e).field()).isEqualTo(field);
    }
}
