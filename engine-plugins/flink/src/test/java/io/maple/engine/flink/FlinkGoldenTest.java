package io.maple.engine.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.maple.domain.ClusterCategory;
import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import io.maple.engine.spi.InvalidJobException;
import io.maple.engine.spi.LaunchSpec;
import io.maple.engine.spi.ResourceYaml;
import io.maple.engine.spi.testing.ArgvRecorder;
import io.maple.engine.spi.testing.CrdSchema;
import io.maple.engine.spi.testing.GoldenFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for every Flink runType x cluster category (scala is refused on all three). Regenerate
 * with -Dmaple.golden.update=true and review the diff.
 */
class FlinkGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/flink");

    static Stream<Arguments> cases() {
        return Stream.of(RunType.values()).filter(r -> r != RunType.SCALA).flatMap(runType ->
                Stream.of(ClusterCategory.values()).map(category -> Arguments.of(runType, category)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void rendersAsTheGoldenFile(RunType runType, ClusterCategory category) throws Exception {
        LaunchSpec spec = new FlinkPlugin().render(FlinkRequests.request(category, FlinkRequests.job(runType)));

        String rendered;
        Path golden;
        if (spec instanceof LaunchSpec.Script script) {
            assertThat(category).isNotEqualTo(ClusterCategory.K8S);
            assertThat(script.applicationTag()).isEqualTo("maple-id=43");
            rendered = script.script();
            golden = GOLDEN.resolve(category.name().toLowerCase() + "-" + runType.wireName() + ".sh");
            assertThat(rendered).startsWith("#!/usr/bin/env bash\n").contains("\nset -euo pipefail\n")
                    .contains("exec '/opt/flink-1.20.1/bin/flink' run");
            if (category == ClusterCategory.YARN) {
                assertThat(rendered).contains("run-application \\\n  -t yarn-application \\\n")
                        .contains("'-Dyarn.application.queue=root.streams'").contains("'-Dyarn.tags=maple-id=43'")
                        .contains("'-Dyarn.application.name=maple-43-click_stream'");
            } else {
                assertThat(rendered).contains(" run \\\n  -t local \\\n");
            }
            ArgvRecorder.assertBashSyntax(rendered);
        } else {
            LaunchSpec.Resource resource = (LaunchSpec.Resource) spec;
            assertThat(category).isEqualTo(ClusterCategory.K8S);
            rendered = resource.yaml();
            golden = GOLDEN.resolve("k8s-" + runType.wireName() + ".yaml");
            assertFlinkDeployment(resource);
            CrdSchema.assertConforms(CrdSchema.FLINK_DEPLOYMENT, resource.yaml());
        }
        GoldenFile.assertMatches(golden, rendered);
    }

    @Test
    void scalaIsRefusedOnEveryClusterCategoryAtValidation() {
        for (ClusterCategory category : ClusterCategory.values()) {
            assertThatThrownBy(() -> new FlinkPlugin().validate(FlinkRequests.request(category, FlinkRequests.job(RunType.SCALA))))
                    .isInstanceOf(InvalidJobException.class).hasMessageContaining("Scala")
                    .extracting(e -> ((InvalidJobException) e).field()).isEqualTo("runType");
        }
    }

    /** A forbidden conf moved onto its replacement key, on both renders that pass confs to Flink. */
    @ParameterizedTest(name = "on {0}")
    @org.junit.jupiter.params.provider.EnumSource(value = ClusterCategory.class, names = {"YARN", "K8S"})
    void aForbiddenConfIsRenderedUnderItsReplacementKey(ClusterCategory category) throws Exception {
        JobConfig job = FlinkRequests.job(RunType.JAR);
        Map<String, Object> conf = new java.util.LinkedHashMap<>(job.conf());
        conf.put("env.java.opts", "-XX:+UseG1GC -Dtz=UTC");
        JobConfig forbidding = new JobConfig(null, null, null, null, null, null, null, null, null, null, conf,
                job.runType(), job.jobConf());

        LaunchSpec spec = new FlinkPlugin().render(FlinkRequests.request(category, forbidding,
                FlinkRequests.FORBIDDING_EXT_INFO));

        String rendered = spec instanceof LaunchSpec.Script script ? script.script() : ((LaunchSpec.Resource) spec).yaml();
        assertThat(rendered).contains("env.java.opts.all").doesNotContain("env.java.opts=")
                .doesNotContain("env.java.opts:");
        if (spec instanceof LaunchSpec.Script script) {
            assertThat(script.script()).contains("'-Denv.java.opts.all=-XX:+UseG1GC -Dtz=UTC'");
            ArgvRecorder.assertBashSyntax(script.script());
        } else {
            CrdSchema.assertConforms(CrdSchema.FLINK_DEPLOYMENT, rendered);
        }
        GoldenFile.assertMatches(GOLDEN.resolve(category.name().toLowerCase() + "-forbidden-conf-moved"
                + (category == ClusterCategory.K8S ? ".yaml" : ".sh")), rendered);
    }

    @SuppressWarnings("unchecked")
    static void assertFlinkDeployment(LaunchSpec.Resource resource) {
        assertThat(resource.apiVersion()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(resource.kind()).isEqualTo("FlinkDeployment");
        assertThat(resource.name()).isEqualTo("maple-43");
        assertThat(resource.namespace()).isEqualTo("streams");
        Map<String, Object> parsed = ResourceYaml.read(resource.yaml());
        assertThat(parsed).containsEntry("apiVersion", "flink.apache.org/v1beta1").containsEntry("kind", "FlinkDeployment");
        assertThat((Map<String, Object>) parsed.get("metadata")).containsEntry("name", "maple-43")
                .containsEntry("namespace", "streams").containsEntry("labels", Map.of("maple-id", "43"));
        Map<String, Object> spec = (Map<String, Object>) parsed.get("spec");
        // what the operator needs for an application deployment
        assertThat(spec).containsKeys("image", "flinkVersion", "serviceAccount", "jobManager", "taskManager", "job");
        assertThat(spec.get("flinkVersion")).isEqualTo("v1_20");
        Map<String, Object> job = (Map<String, Object>) spec.get("job");
        assertThat(job).containsKeys("jarURI", "upgradeMode", "state", "args");
        Map<String, Object> taskManager = (Map<String, Object>) spec.get("taskManager");
        assertThat((Map<String, Object>) taskManager.get("resource")).containsKeys("memory", "cpu")
                .containsEntry("memory", "2048m");
    }
}
