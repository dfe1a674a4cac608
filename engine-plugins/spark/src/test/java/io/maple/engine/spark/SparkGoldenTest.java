package io.maple.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.maple.domain.ClusterCategory;
import io.maple.domain.RunType;
import io.maple.engine.spi.LaunchSpec;
import io.maple.engine.spi.ResourceYaml;
import io.maple.engine.spi.testing.ArgvRecorder;
import io.maple.engine.spi.testing.CrdSchema;
import io.maple.engine.spi.testing.GoldenFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for every runType x cluster category. Regenerate with -Dmaple.golden.update=true and
 * review the diff. Every script passes {@code bash -n}; every resource parses and carries the
 * fields the spark-operator's CRD requires.
 */
class SparkGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/spark");

    static Stream<Arguments> cases() {
        return Stream.of(RunType.values()).flatMap(runType ->
                Stream.of(ClusterCategory.values()).map(category -> Arguments.of(runType, category)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void rendersAsTheGoldenFile(RunType runType, ClusterCategory category) throws Exception {
        SparkPlugin plugin = new SparkPlugin();
        LaunchSpec spec = plugin.render(SparkRequests.request(category, SparkRequests.job(runType)));

        String rendered;
        Path golden;
        if (spec instanceof LaunchSpec.Script script) {
            assertThat(category).isNotEqualTo(ClusterCategory.K8S);
            assertThat(script.applicationTag()).isEqualTo("maple-id=42");
            rendered = script.script();
            golden = GOLDEN.resolve(category.name().toLowerCase() + "-" + runType.wireName() + ".sh");
            assertThat(rendered).startsWith("#!/usr/bin/env bash\n").contains("\nset -euo pipefail\n")
                    .contains("exec '/opt/spark-3.5.5/bin/spark-submit'");
            ArgvRecorder.assertBashSyntax(rendered);
        } else {
            LaunchSpec.Resource resource = (LaunchSpec.Resource) spec;
            assertThat(category).isEqualTo(ClusterCategory.K8S);
            rendered = resource.yaml();
            golden = GOLDEN.resolve("k8s-" + runType.wireName() + ".yaml");
            assertSparkApplication(resource);
            CrdSchema.assertConforms(CrdSchema.SPARK_APPLICATION, resource.yaml());
        }
        GoldenFile.assertMatches(golden, rendered);
    }

    @SuppressWarnings("unchecked")
    static void assertSparkApplication(LaunchSpec.Resource resource) {
        assertThat(resource.apiVersion()).isEqualTo("sparkoperator.k8s.io/v1beta2");
        assertThat(resource.kind()).isEqualTo("SparkApplication");
        assertThat(resource.name()).isEqualTo("maple-42").matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        assertThat(resource.namespace()).isEqualTo("etl");
        Map<String, Object> parsed = ResourceYaml.read(resource.yaml());
        assertThat(parsed).containsEntry("apiVersion", "sparkoperator.k8s.io/v1beta2").containsEntry("kind", "SparkApplication");
        Map<String, Object> metadata = (Map<String, Object>) parsed.get("metadata");
        assertThat(metadata).containsEntry("name", "maple-42").containsEntry("namespace", "etl")
                .containsEntry("labels", Map.of("maple-id", "42"));
        Map<String, Object> spec = (Map<String, Object>) parsed.get("spec");
        // required by the CRD's openAPIV3Schema: type, sparkVersion, driver, executor
        assertThat(spec).containsKeys("type", "mode", "sparkVersion", "mainApplicationFile", "driver", "executor");
        assertThat(List.of("Java", "Scala", "Python", "R")).contains((String) spec.get("type"));
        assertThat(spec.get("sparkVersion")).isEqualTo("3.5.5");
        Map<String, Object> driver = (Map<String, Object>) spec.get("driver");
        Map<String, Object> executor = (Map<String, Object>) spec.get("executor");
        assertThat(driver.get("cores")).isInstanceOf(Integer.class);
        assertThat(executor.get("instances")).isInstanceOf(Integer.class);
        assertThat(driver).containsEntry("labels", Map.of("maple-id", "42"));
        if (!"Python".equals(spec.get("type"))) {
            assertThat(spec).containsKey("mainClass");
        }
    }
}
