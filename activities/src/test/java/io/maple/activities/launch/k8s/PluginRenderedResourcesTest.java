package io.maple.activities.launch.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import io.maple.engine.flink.FlinkPlugin;
import io.maple.engine.spark.SparkPlugin;
import io.maple.engine.spi.EngineExtInfo;
import io.maple.engine.spi.EnginePlugin;
import io.maple.engine.spi.LaunchRequest;
import io.maple.engine.spi.LaunchSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the real Spark and Flink plugins render for a K8S cluster, for every run type they accept,
 * is what the launcher can create: a kind it knows, named {@code maple-<id>} in the queue's
 * namespace, labelled with the execution id, passing the launcher side's CRD check
 * ({@link CrdRequiredFields}). The plugins' own golden tests check their goldens with
 * {@code engine.spi.testing.CrdSchema}; this is the same contract seen from the launcher.
 */
class PluginRenderedResourcesTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final long ID = 77;

    private static LaunchRequest request(EngineCategory engine, String version, JobConfig job) {
        return new LaunchRequest(ID, "nightly report", "scheduler", "k8s-a", ClusterCategory.K8S, "jobs", "data",
                "alice", engine, version, "/opt/" + engine.wireName(), EngineExtInfo.none(), null, job);
    }

    /** Spark's resource fields (typed in the CRD: cores are integers, memory strings). */
    private static JobConfig sparkJob(RunType runType) {
        return new JobConfig("1", "1g", "2", "2", "2g", null, null, null, null, null,
                Map.of("spark.sql.shuffle.partitions", "8"), runType, jobConf(runType));
    }

    /** Flink takes its sizes through conf only. */
    private static JobConfig flinkJob(RunType runType) {
        return new JobConfig(null, null, null, null, null, null, null, null, null, null,
                Map.of("taskmanager.memory.process.size", "2048m", "parallelism.default", 2), runType, jobConf(runType));
    }

    private static Map<String, Object> jobConf(RunType runType) {
        return switch (runType) {
            case JAR -> Map.of("mainFile", "local:///opt/app/etl.jar", "mainClass", "com.example.Etl",
                    "args", "--day 2026-11-25");
            case PY -> Map.of("mainFile", "local:///opt/app/etl.py", "args", List.of("--day", "2026-11-25"));
            case SQL -> Map.of("sql", "SELECT 1");
            case SCALA -> Map.of("mainFile", "local:///opt/app/etl.scala");
            case DATA_CALC -> Map.of("pipeline", Map.of(
                    "sources", List.of(Map.of("name", "events", "format", "parquet", "path", "s3a://data/events",
                            "schema", "day STRING, n BIGINT")),
                    "transforms", List.of(Map.of("name", "daily", "sql", "SELECT day, count(*) AS n FROM events GROUP BY day")),
                    "sinks", List.of(Map.of("from", "daily", "format", "parquet", "path", "s3a://data/daily",
                            "mode", "append"))));
        };
    }

    private static GenericKubernetesResource rendered(EnginePlugin plugin, LaunchRequest request) {
        LaunchSpec spec = plugin.render(request);
        assertThat(spec).isInstanceOf(LaunchSpec.Resource.class);
        LaunchSpec.Resource resource = (LaunchSpec.Resource) spec;
        GenericKubernetesResource parsed = SERIALIZATION.unmarshal(resource.yaml(), GenericKubernetesResource.class);
        assertThat(MapleResourceKind.of(resource.apiVersion(), resource.kind())).isPresent();
        assertThat(parsed.getMetadata().getName()).isEqualTo(MapleMarkers.resourceName(ID));
        assertThat(parsed.getMetadata().getNamespace()).isEqualTo("jobs");
        assertThat(parsed.getMetadata().getLabels()).containsEntry(MapleMarkers.ID_LABEL, Long.toString(ID));
        return parsed;
    }

    @ParameterizedTest
    @EnumSource(RunType.class)
    void sparkApplicationPassesTheSparkOperatorsCrd(RunType runType) {
        GenericKubernetesResource app = rendered(new SparkPlugin(),
                request(EngineCategory.SPARK, "3.5.5", sparkJob(runType)));

        assertThat(app.getKind()).isEqualTo("SparkApplication");
        assertThat(CrdRequiredFields.check(RenderedResources.crd(RenderedResources.SPARK_CRD), "v1beta2", app))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = RunType.class, names = "SCALA", mode = EnumSource.Mode.EXCLUDE)
    void flinkDeploymentPassesTheFlinkOperatorsCrd(RunType runType) {
        GenericKubernetesResource deployment = rendered(new FlinkPlugin(),
                request(EngineCategory.FLINK, "1.20.1", flinkJob(runType)));

        assertThat(deployment.getKind()).isEqualTo("FlinkDeployment");
        assertThat(CrdRequiredFields.check(RenderedResources.crd(RenderedResources.FLINK_CRD), "v1beta1", deployment))
                .isEmpty();
    }
}
