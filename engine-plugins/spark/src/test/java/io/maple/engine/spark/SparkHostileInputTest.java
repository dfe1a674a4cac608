package io.maple.engine.spark;

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
 * Hostile values in every field, rendered and then executed with a stand-in spark-submit that records
 * its argv: the argv is exactly the intended one and no payload ran (the marker file never appears).
 */
class SparkHostileInputTest {

    @TempDir
    Path dir;

    private Path marker;

    /** Quotes, command substitution, backticks, separators, newlines, an option, YAML syntax, a glob. */
    private String hostile(String field) {
        return "a'b\"c $(touch " + marker + ") `touch " + marker + "`; touch " + marker + " && echo \\\n"
                + "--conf x=y\n: {} | --- ' \" $HOME * #" + field;
    }

    private static final String HOSTILE_KEY = "spark.x'\"$(id)`id`;|{}&<>";

    private JobConfig hostileJob(RunType runType) {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put(HOSTILE_KEY, hostile("confValue"));
        Map<String, Object> jobConf = new LinkedHashMap<>();
        switch (runType) {
            case JAR -> {
                jobConf.put("mainFile", hostile("mainFile"));
                jobConf.put("mainClass", hostile("mainClass"));
                jobConf.put("args", List.of(hostile("arg1"), "--conf", "x=y", "", hostile("arg2")));
            }
            case PY -> {
                jobConf.put("mainFile", hostile("mainFile"));
                jobConf.put("pyFiles", hostile("pyFiles"));
                jobConf.put("args", List.of(hostile("arg1"), "--conf x=y"));
            }
            case SQL -> jobConf.put("sql", hostile("sql"));
            case SCALA -> jobConf.put("code", hostile("code"));
            case DATA_CALC -> jobConf.put("pipeline", Map.of(
                    "sources", List.of(Map.of("name", hostile("src"), "format", "csv", "path", hostile("path"))),
                    "sinks", List.of(Map.of("from", hostile("src"), "format", "json", "path", hostile("out")))));
        }
        return new JobConfig(hostile("driverCores"), hostile("driverMemory"), hostile("numExecutors"),
                hostile("executorCores"), hostile("executorMemory"), hostile("driverJavaOptions"),
                hostile("driverClassPath"), hostile("jars"), hostile("files"), hostile("archives"),
                conf, runType, jobConf);
    }

    private LaunchRequest request(ClusterCategory category, RunType runType, String engineHome, String queue) {
        EngineExtInfo ext = new EngineExtInfo(Map.of("HADOOP_CONF_DIR", hostile("env")),
                SparkRequests.seedExtInfo().forbiddenConfs());
        return new LaunchRequest(7, hostile("execName"), hostile("fromApp"), "c1", category, queue,
                hostile("group"), hostile("user"), EngineCategory.SPARK, "3.5.5", engineHome, ext, null,
                hostileJob(runType));
    }

    @ParameterizedTest
    @EnumSource(RunType.class)
    void yarnScriptPassesEveryValueAsOneArgument(RunType runType) throws Exception {
        marker = dir.resolve("pwned");
        // the engine home itself has shell syntax in its name
        ArgvRecorder recorder = new ArgvRecorder(dir, "spark ';$(id)`id`\"home", "spark-submit", "HADOOP_CONF_DIR");
        String queue = hostile("queue");
        LaunchSpec.Script script = (LaunchSpec.Script) new SparkPlugin().render(
                request(ClusterCategory.YARN, runType, recorder.home.toString(), queue));

        assertThat(recorder.run(script.script(), dir)).isZero();

        assertThat(Files.exists(marker)).as("a payload ran").isFalse();
        assertThat(recorder.recordedEnv()).isEqualTo(hostile("env"));
        List<String> expected = new ArrayList<>(List.of("--master", "yarn", "--deploy-mode", "cluster",
                "--conf", "spark.yarn.submit.waitAppCompletion=false",
                "--name", Names.applicationName(7, hostile("execName")),
                "--queue", queue, "--conf", "spark.yarn.tags=maple-id=7"));
        expected.addAll(resourceArgs(runType));
        assertArgv(recorder.recordedArgv(), expected, runType);
        assertThat(Names.applicationName(7, hostile("execName"))).matches("[A-Za-z0-9._-]+");
    }

    @ParameterizedTest
    @EnumSource(RunType.class)
    void localScriptPassesEveryValueAsOneArgument(RunType runType) throws Exception {
        marker = dir.resolve("pwned");
        ArgvRecorder recorder = new ArgvRecorder(dir, "home$(touch x)", "spark-submit", "HADOOP_CONF_DIR");
        LaunchSpec.Script script = (LaunchSpec.Script) new SparkPlugin().render(
                request(ClusterCategory.LOCAL, runType, recorder.home.toString(), null));

        assertThat(recorder.run(script.script(), dir)).isZero();

        assertThat(Files.exists(marker)).as("a payload ran").isFalse();
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
        List<String> expected = new ArrayList<>(List.of("--master", "local[2]", "--deploy-mode", "client",
                "--name", Names.applicationName(7, hostile("execName"))));
        expected.addAll(resourceArgs(runType));
        assertArgv(recorder.recordedArgv(), expected, runType);
    }

    @Test
    @SuppressWarnings("unchecked")
    void k8sResourceKeepsEveryValueAScalar() throws Exception {
        marker = dir.resolve("pwned");
        JobConfig job = hostileJob(RunType.JAR);
        // K8s needs whole numbers for cores and instances
        job = new JobConfig("1", job.driverMemory(), "2", "3", job.executorMemory(), job.driverJavaOptions(),
                job.driverClassPath(), job.jars(), job.files(), job.archives(), job.conf(), job.runType(), job.jobConf());
        LaunchRequest base = request(ClusterCategory.K8S, RunType.JAR, null, "etl");
        LaunchRequest request = new LaunchRequest(7, base.execName(), base.fromApp(), "c1", ClusterCategory.K8S,
                "etl", base.group(), base.user(), EngineCategory.SPARK, "3.5.5", null, base.engineExtInfo(), null, job);
        LaunchSpec.Resource resource = (LaunchSpec.Resource) new SparkPlugin().render(request);

        // one document, whatever '---' the values hold
        assertThat(new YAMLMapper().readValues(new YAMLMapper().createParser(resource.yaml()), Map.class).readAll())
                .hasSize(1);
        CrdSchema.assertConforms(CrdSchema.SPARK_APPLICATION, resource.yaml());
        Map<String, Object> parsed = ResourceYaml.read(resource.yaml());
        assertThat(parsed.keySet()).containsExactly("apiVersion", "kind", "metadata", "spec");
        assertThat(parsed.get("metadata")).isEqualTo(Map.of("name", "maple-7", "namespace", "etl",
                "labels", Map.of("maple-id", "7")));
        Map<String, Object> spec = (Map<String, Object>) parsed.get("spec");
        assertThat(spec.keySet()).containsExactly("type", "mode", "sparkVersion", "mainClass",
                "mainApplicationFile", "arguments", "sparkConf", "deps", "restartPolicy", "driver", "executor");
        assertThat(spec).containsEntry("mainClass", hostile("mainClass"))
                .containsEntry("mainApplicationFile", hostile("mainFile"))
                .containsEntry("arguments", List.of(hostile("arg1"), "--conf", "x=y", "", hostile("arg2")));
        Map<String, Object> sparkConf = (Map<String, Object>) spec.get("sparkConf");
        assertThat(sparkConf).containsEntry(HOSTILE_KEY, hostile("confValue"))
                .containsEntry("spark.driver.extraClassPath", hostile("driverClassPath"))
                .containsEntry("spark.app.name", Names.applicationName(7, hostile("execName")));
        Map<String, Object> driver = (Map<String, Object>) spec.get("driver");
        assertThat(driver).containsEntry("memory", hostile("driverMemory"))
                .containsEntry("javaOptions", hostile("driverJavaOptions")).containsEntry("cores", 1);
        Map<String, Object> executor = (Map<String, Object>) spec.get("executor");
        assertThat(executor).containsEntry("memory", hostile("executorMemory")).containsEntry("instances", 2)
                .containsEntry("cores", 3);
    }

    private List<String> resourceArgs(RunType runType) {
        List<String> args = new ArrayList<>(List.of(
                "--driver-cores", hostile("driverCores"), "--driver-memory", hostile("driverMemory"),
                "--num-executors", hostile("numExecutors"), "--executor-cores", hostile("executorCores"),
                "--executor-memory", hostile("executorMemory"), "--driver-java-options", hostile("driverJavaOptions"),
                "--driver-class-path", hostile("driverClassPath"), "--jars", hostile("jars"),
                "--files", hostile("files"), "--archives", hostile("archives"),
                "--conf", HOSTILE_KEY + "=" + hostile("confValue")));
        switch (runType) {
            case JAR -> args.addAll(List.of("--class", hostile("mainClass"), hostile("mainFile"),
                    hostile("arg1"), "--conf", "x=y", "", hostile("arg2")));
            case PY -> args.addAll(List.of("--py-files", hostile("pyFiles"), hostile("mainFile"),
                    hostile("arg1"), "--conf x=y"));
            default -> args.addAll(List.of("--class", SparkApp.RUNNER_MAIN));
        }
        return args;
    }

    /** For runner jobs the tail is runner jar + --job-base64 + the job, compared after decoding. */
    @SuppressWarnings("unchecked")
    private void assertArgv(List<String> argv, List<String> expected, RunType runType) throws Exception {
        if (runType == RunType.JAR || runType == RunType.PY) {
            assertThat(argv).containsExactlyElementsOf(expected);
            return;
        }
        assertThat(argv).hasSize(expected.size() + 3);
        assertThat(argv.subList(0, expected.size())).containsExactlyElementsOf(expected);
        assertThat(argv.get(expected.size())).endsWith("/maple/maple-spark-runner.jar");
        assertThat(argv.get(expected.size() + 1)).isEqualTo("--job-base64");
        Map<String, Object> job = new ObjectMapper().readValue(Base64.getDecoder().decode(argv.get(expected.size() + 2)), Map.class);
        Map<String, Object> jobConf = hostileJob(runType).jobConf();
        switch (runType) {
            case SQL -> assertThat(job).isEqualTo(Map.of("type", "sql", "sql", jobConf.get("sql")));
            case SCALA -> assertThat(job).isEqualTo(Map.of("type", "scala", "code", jobConf.get("code")));
            default -> assertThat(job).isEqualTo(Map.of("type", "data_calc", "pipeline", jobConf.get("pipeline")));
        }
    }
}
