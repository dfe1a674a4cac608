package io.maple.engine.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import io.maple.engine.spi.EngineExtInfo;
import io.maple.engine.spi.LaunchRequest;
import io.maple.engine.spi.LaunchSpec;
import io.maple.engine.spi.Names;
import io.maple.engine.spi.ResourceYaml;
import io.maple.engine.spi.testing.ArgvRecorder;
import io.maple.engine.spi.testing.CrdSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile values in every Flink field, rendered and executed with a stand-in bin/flink that records
 * its argv: the argv is exactly the intended one and no payload ran.
 */
class FlinkHostileInputTest {

    private static final String HOSTILE_KEY = "x'\"$(id)`id`;|{}&<>";

    @TempDir
    Path dir;

    private Path marker;

    private String hostile(String field) {
        return "a'b\"c $(touch " + marker + ") `touch " + marker + "`; touch " + marker + " && echo \\\n"
                + "--conf x=y\n: {} | --- ' \" $HOME * #" + field;
    }

    private JobConfig hostileJob(RunType runType) {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put(HOSTILE_KEY, hostile("confValue"));
        Map<String, Object> jobConf = new LinkedHashMap<>();
        switch (runType) {
            case JAR -> {
                jobConf.put("mainFile", hostile("mainFile"));
                jobConf.put("mainClass", hostile("mainClass"));
                jobConf.put("args", List.of(hostile("arg1"), "-D", "x=y", "", hostile("arg2")));
            }
            case PY -> {
                jobConf.put("mainFile", hostile("mainFile"));
                jobConf.put("pyFiles", hostile("pyFiles"));
                jobConf.put("args", List.of(hostile("arg1")));
            }
            case SQL -> jobConf.put("sql", hostile("sql"));
            default -> jobConf.put("mainFile", hostile("mainFile"));
        }
        return new JobConfig(null, null, null, null, null, null, null, null, null, null, conf, runType, jobConf);
    }

    private LaunchRequest request(ClusterCategory category, RunType runType, String home, String queue) {
        return new LaunchRequest(9, hostile("execName"), hostile("fromApp"), "c2", category, queue,
                hostile("group"), hostile("user"), EngineCategory.FLINK, "1.20.1", home,
                new EngineExtInfo(Map.of("HADOOP_CLASSPATH", hostile("env")), List.of()), null, hostileJob(runType));
    }

    @ParameterizedTest
    @EnumSource(value = RunType.class, names = {"JAR", "PY", "SQL", "DATA_CALC"})
    void yarnScriptPassesEveryValueAsOneArgument(RunType runType) throws Exception {
        marker = dir.resolve("pwned");
        ArgvRecorder recorder = new ArgvRecorder(dir, "flink ';$(id)`id`\"home", "flink", "HADOOP_CLASSPATH");
        String queue = hostile("queue");
        LaunchSpec.Script script = (LaunchSpec.Script) new FlinkPlugin().render(
                request(ClusterCategory.YARN, runType, recorder.home.toString(), queue));

        assertThat(recorder.run(script.script(), dir)).isZero();

        assertThat(Files.exists(marker)).as("a payload ran").isFalse();
        assertThat(recorder.recordedEnv()).isEqualTo(hostile("env"));
        String name = Names.applicationName(9, hostile("execName"));
        List<String> expected = new ArrayList<>(List.of("run-application", "-t", "yarn-application",
                "-Dyarn.application.queue=" + queue, "-Dyarn.tags=maple-id=9", "-Dyarn.application.name=" + name));
        assertArgv(recorder, expected, name, runType);
    }

    @ParameterizedTest
    @EnumSource(value = RunType.class, names = {"JAR", "PY", "SQL", "DATA_CALC"})
    void localScriptPassesEveryValueAsOneArgument(RunType runType) throws Exception {
        marker = dir.resolve("pwned");
        ArgvRecorder recorder = new ArgvRecorder(dir, "home$(touch x)", "flink", "HADOOP_CLASSPATH");
        LaunchSpec.Script script = (LaunchSpec.Script) new FlinkPlugin().render(
                request(ClusterCategory.LOCAL, runType, recorder.home.toString(), null));

        assertThat(recorder.run(script.script(), dir)).isZero();

        assertThat(Files.exists(marker)).as("a payload ran").isFalse();
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
        String name = Names.applicationName(9, hostile("execName"));
        assertArgv(recorder, new ArrayList<>(List.of("run", "-t", "local")), name, runType);
    }

    @SuppressWarnings("unchecked")
    private void assertArgv(ArgvRecorder recorder, List<String> expected, String name, RunType runType)
            throws Exception {
        expected.add("-Dpipeline.name=" + name);
        expected.add("-D" + HOSTILE_KEY + "=" + hostile("confValue"));
        List<String> argv = recorder.recordedArgv();
        switch (runType) {
            case JAR -> {
                expected.addAll(List.of("-c", hostile("mainClass"), hostile("mainFile"), hostile("arg1"), "-D", "x=y",
                        "", hostile("arg2")));
                assertThat(argv).containsExactlyElementsOf(expected);
            }
            case PY -> {
                expected.addAll(List.of("-py", hostile("mainFile"), "-pyfs", hostile("pyFiles"), hostile("arg1")));
                assertThat(argv).containsExactlyElementsOf(expected);
            }
            default -> {
                expected.addAll(List.of("-c", FlinkApp.RUNNER_MAIN));
                assertThat(argv).hasSize(expected.size() + 3);
                assertThat(argv.subList(0, expected.size())).containsExactlyElementsOf(expected);
                assertThat(argv.get(expected.size())).endsWith("/maple/maple-flink-runner.jar");
                assertThat(argv.get(expected.size() + 1)).isEqualTo("--job-base64");
                Map<String, Object> job = new ObjectMapper().readValue(
                        Base64.getDecoder().decode(argv.get(expected.size() + 2)), Map.class);
                assertThat(job).isEqualTo(runType == RunType.SQL
                        ? Map.of("type", "sql", "sql", hostile("sql"))
                        : Map.of("type", "data_calc", "file", hostile("mainFile")));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void k8sResourceKeepsEveryValueAScalar() throws Exception {
        marker = dir.resolve("pwned");
        LaunchSpec.Resource resource = (LaunchSpec.Resource) new FlinkPlugin().render(
                request(ClusterCategory.K8S, RunType.JAR, null, "streams"));

        assertThat(new YAMLMapper().readValues(new YAMLMapper().createParser(resource.yaml()), Map.class).readAll())
                .hasSize(1);
        CrdSchema.assertConforms(CrdSchema.FLINK_DEPLOYMENT, resource.yaml());
        Map<String, Object> parsed = ResourceYaml.read(resource.yaml());
        assertThat(parsed.keySet()).containsExactly("apiVersion", "kind", "metadata", "spec");
        assertThat(parsed.get("metadata")).isEqualTo(Map.of("name", "maple-9", "namespace", "streams",
                "labels", Map.of("maple-id", "9")));
        Map<String, Object> spec = (Map<String, Object>) parsed.get("spec");
        assertThat(spec.keySet()).containsExactly("image", "flinkVersion", "serviceAccount", "flinkConfiguration",
                "jobManager", "taskManager", "job");
        assertThat((Map<String, Object>) spec.get("flinkConfiguration"))
                .containsEntry(HOSTILE_KEY, hostile("confValue"))
                .containsEntry("pipeline.name", Names.applicationName(9, hostile("execName")));
        Map<String, Object> job = (Map<String, Object>) spec.get("job");
        assertThat(job).containsEntry("jarURI", hostile("mainFile")).containsEntry("entryClass", hostile("mainClass"))
                .containsEntry("args", List.of(hostile("arg1"), "-D", "x=y", "", hostile("arg2")));
    }
}
