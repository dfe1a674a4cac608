package io.maple.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maple.domain.ClusterCategory;
import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import io.maple.engine.spi.EngineExtInfo;
import io.maple.engine.spi.InvalidJobException;
import io.maple.engine.spi.LaunchSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every entry of the seed's forbiddenConfs: never a --conf, rendered through replaceParameter, conflicts refused. */
class SparkForbiddenConfTest {

    /** The seed's forbidden confs except the queue, which has its own tests below. */
    static Stream<EngineExtInfo.ForbiddenConf> forbidden() {
        return SparkRequests.seedExtInfo().forbiddenConfs().stream()
                .filter(f -> !f.name().equals("spark.yarn.queue"));
    }

    /** Those that also have a dedicated field in the job configuration. */
    static Stream<EngineExtInfo.ForbiddenConf> forbiddenWithAField() {
        return forbidden().filter(f -> fieldOf(f.name()) != null);
    }

    @Test
    void everyForbiddenConfButTheLibraryPathHasAFieldToConflictWith() {
        // the field tests below run over these; the library path has no field, so only its move is tested
        assertThat(forbidden().filter(f -> fieldOf(f.name()) == null)).extracting(EngineExtInfo.ForbiddenConf::name)
                .containsExactly("spark.driver.extraLibraryPath");
    }

    @Test
    void theSeedListIsTheOneTested() {
        assertThat(SparkRequests.seedExtInfo().forbiddenConfs()).extracting(EngineExtInfo.ForbiddenConf::name)
                .containsExactly("spark.yarn.queue", "spark.driver.cores", "spark.driver.memory",
                        "spark.executor.instances", "spark.executor.cores", "spark.executor.memory",
                        "spark.driver.extraJavaOptions", "spark.driver.extraLibraryPath", "spark.jars");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidden")
    void isRenderedThroughItsReplaceParameterWhenTheFieldIsEmpty(EngineExtInfo.ForbiddenConf rule) {
        for (ClusterCategory category : new ClusterCategory[] {ClusterCategory.YARN, ClusterCategory.LOCAL}) {
            String script = render(category, jobWith(null, rule.name(), "7"));
            assertThat(script).doesNotContain(rule.name() + "=")
                    .contains("\n  " + rule.replaceParameter() + " '7' \\\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenWithAField")
    void conflictWithTheDedicatedFieldNamesBoth(EngineExtInfo.ForbiddenConf rule) {
        String field = fieldOf(rule.name());
        assertThatThrownBy(() -> render(ClusterCategory.YARN, jobWith(field, rule.name(), "7")))
                .isInstanceOf(InvalidJobException.class)
                .hasMessageContaining("conf." + rule.name()).hasMessageContaining(field)
                .extracting(e -> ((InvalidJobException) e).field()).isEqualTo("conf." + rule.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenWithAField")
    void theSameValueInBothIsNoConflict(EngineExtInfo.ForbiddenConf rule) {
        String field = fieldOf(rule.name());
        JobConfig job = jobWith(field, rule.name(), "7");
        job.conf().put(rule.name(), "field-value");
        assertThat(render(ClusterCategory.YARN, job)).doesNotContain(rule.name() + "=")
                .contains("\n  " + rule.replaceParameter() + " 'field-value' \\\n");
    }

    @Test
    void aMatchingYarnQueueIsDroppedAndTheClusterQueueUsed() {
        String script = render(ClusterCategory.YARN, jobWith(null, "spark.yarn.queue", "root.etl"));
        assertThat(script).doesNotContain("spark.yarn.queue").contains("\n  --queue 'root.etl' \\\n");
    }

    @Test
    void aConflictingYarnQueueIsRefusedNamingBoth() {
        assertThatThrownBy(() -> render(ClusterCategory.YARN, jobWith(null, "spark.yarn.queue", "root.other")))
                .isInstanceOf(InvalidJobException.class)
                .hasMessageContaining("conf.spark.yarn.queue").hasMessageContaining("clusterQueue");
    }

    @Test
    void reservedConfsAreRefused() {
        for (String key : SparkOptions.RESERVED) {
            assertThatThrownBy(() -> render(ClusterCategory.YARN, jobWith(null, key, "x")))
                    .isInstanceOf(InvalidJobException.class).hasMessageContaining("conf." + key);
        }
    }

    @Test
    void aConfKeyWithAnEqualsSignIsRefused() {
        assertThatThrownBy(() -> render(ClusterCategory.YARN, jobWith(null, "spark.a=spark.master", "x")))
                .isInstanceOf(InvalidJobException.class)
                .extracting(e -> ((InvalidJobException) e).field()).isEqualTo("conf.spark.a=spark.master");
    }

    @Test
    void aForbiddenConfWithoutReplaceParameterIsRefusedNamingItsField() {
        EngineExtInfo refusing = new EngineExtInfo(Map.of(), java.util.List.of(
                new EngineExtInfo.ForbiddenConf("spark.eventLog.dir", null, "the platform keeps event logs")));
        assertThatThrownBy(() -> new SparkPlugin().render(SparkRequests.request(ClusterCategory.YARN,
                jobWith(null, "spark.eventLog.dir", "hdfs:///mine"), null, refusing)))
                .isInstanceOf(InvalidJobException.class)
                .hasMessageContaining("conf.spark.eventLog.dir is not allowed on this engine (the platform keeps event logs)")
                .extracting(e -> ((InvalidJobException) e).field()).isEqualTo("conf.spark.eventLog.dir");
    }

    private static String render(ClusterCategory category, JobConfig job) {
        LaunchSpec spec = new SparkPlugin().render(SparkRequests.request(category, job, null));
        return ((LaunchSpec.Script) spec).script();
    }

    private static JobConfig jobWith(String field, String confName, String confValue) {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put(confName, confValue);
        String v = "field-value";
        return new JobConfig(
                "driverCores".equals(field) ? v : null, "driverMemory".equals(field) ? v : null,
                "numExecutors".equals(field) ? v : null, "executorCores".equals(field) ? v : null,
                "executorMemory".equals(field) ? v : null, "driverJavaOptions".equals(field) ? v : null,
                null, "jars".equals(field) ? v : null, null, null, conf, RunType.JAR,
                Map.of("mainClass", "com.example.Main", "mainFile", "hdfs:///app.jar"));
    }

    private static String fieldOf(String conf) {
        return switch (conf) {
            case "spark.driver.cores" -> "driverCores";
            case "spark.driver.memory" -> "driverMemory";
            case "spark.executor.instances" -> "numExecutors";
            case "spark.executor.cores" -> "executorCores";
            case "spark.executor.memory" -> "executorMemory";
            case "spark.driver.extraJavaOptions" -> "driverJavaOptions";
            case "spark.jars" -> "jars";
            default -> null;
        };
    }
}
