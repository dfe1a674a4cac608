package io.maple.activities.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maple.activities.launch.CatalogLaunchSpecSource;
import io.maple.activities.launch.LaunchFailedException;
import io.maple.activities.launch.LaunchSpecSource;
import io.maple.activities.launch.yarn.YarnTestSupport;
import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import io.maple.engine.flink.FlinkPlugin;
import io.maple.engine.spark.SparkPlugin;
import io.maple.engine.spi.EngineExtInfo;
import io.maple.engine.spi.LaunchRequest;
import io.maple.engine.spi.LaunchSpec;
import io.maple.engine.spi.Names;
import java.util.Map;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import io.maple.persistence.execution.ExecutionStore;
import java.io.IOException;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * A real, simple {@link LaunchSpecSource} for tests: the script is the job configuration's
 * {@code script} field (the lead wires the engine plugins in its place). {@code renderDelayMillis}
 * makes rendering slow, to hold an execution in STARTING; {@code "invalid": true} fails rendering.
 * On a YARN cluster, {@code "yarnApp": {"mode": .., "millis": .., "releaseFile": ..}} renders the real
 * submit script of the YARN tests ({@link YarnTestSupport#script}; the optional release file ends the AM early); on a K8S cluster the real Spark plugin renders a
 * SparkApplication, or the real Flink plugin a FlinkDeployment for a Flink execution (the test
 * classpath is too long to store as a script in MySQL). A configuration with a {@code runType} is a
 * real job configuration: the worker's own {@link CatalogLaunchSpecSource} renders it from the cluster
 * engine row and its default conf.
 */
@Component
@Primary
public class ConfiguredScriptSource implements LaunchSpecSource {

    private final ExecutionStore store;
    private final ObjectMapper json;
    private final CatalogLaunchSpecSource catalog;

    public ConfiguredScriptSource(ExecutionStore store, ObjectMapper json, CatalogLaunchSpecSource catalog) {
        this.store = store;
        this.json = json;
        this.catalog = catalog;
    }

    /** What the Spark plugin renders for a small JAR job on a K8S cluster (the worker's catalog does the same). */
    static LaunchSpec sparkOnK8s(ExecutionRecord execution, ClusterRecord cluster) {
        JobConfig job = new JobConfig("1", "512m", "1", "1", "512m", null, null, null, null, null, Map.of(),
                RunType.JAR, Map.of("mainClass", "org.apache.spark.examples.SparkPi",
                        "mainFile", "local:///opt/spark/examples/jars/spark-examples.jar", "args", "100"));
        return new SparkPlugin().render(request(execution, cluster, EngineCategory.SPARK, "/opt/spark", job));
    }

    /** What the Flink plugin renders for a small JAR job on a K8S cluster. */
    static LaunchSpec flinkOnK8s(ExecutionRecord execution, ClusterRecord cluster) {
        JobConfig job = new JobConfig(null, null, null, null, null, null, null, null, null, null, Map.of(),
                RunType.JAR, Map.of("mainClass", "org.apache.flink.streaming.examples.statemachine.StateMachineExample",
                        "mainFile", "local:///opt/flink/examples/streaming/StateMachineExample.jar"));
        return new FlinkPlugin().render(request(execution, cluster, EngineCategory.FLINK, "/opt/flink", job));
    }

    private static LaunchRequest request(ExecutionRecord execution, ClusterRecord cluster, EngineCategory engine,
                                         String engineHome, JobConfig job) {
        return new LaunchRequest(execution.id(), execution.execName(), execution.fromApp(), cluster.name(),
                cluster.category(), execution.clusterQueue(), execution.execGroup(), execution.execUser(), engine,
                execution.engineVersion(), engineHome, EngineExtInfo.none(), null, job);
    }

    @Override
    public LaunchSpec specFor(ExecutionRecord execution, ClusterRecord cluster) {
        try {
            String configuration = store.extInfo(execution.id()).configuration();
            JsonNode conf = json.readTree(configuration);
            if (conf.has("runType")) {
                return catalog.specFor(execution, cluster);
            }
            if (conf.path("invalid").asBoolean(false)) {
                throw new LaunchFailedException("job " + execution.id() + " cannot be rendered: invalid configuration");
            }
            long delay = conf.path("renderDelayMillis").asLong(0);
            if (delay > 0) {
                Thread.sleep(delay);
            }
            if (cluster.category() == ClusterCategory.YARN) {
                JsonNode app = conf.path("yarnApp");
                return new LaunchSpec.Script(YarnTestSupport.script(app.path("mode").asText("succeed"),
                        app.path("millis").asLong(1000), app.path("after").asText(""),
                        app.path("releaseFile").asText("")),
                        app.path("tag").asText(Names.applicationTag(execution.id())));
            }
            if (cluster.category() == ClusterCategory.K8S) {
                return execution.engineCategory() == EngineCategory.FLINK
                        ? flinkOnK8s(execution, cluster) : sparkOnK8s(execution, cluster);
            }
            return new LaunchSpec.Script(conf.path("script").asText("exit 0"), "maple-id-" + execution.id());
        } catch (IOException e) {
            throw new LaunchFailedException("bad configuration", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
