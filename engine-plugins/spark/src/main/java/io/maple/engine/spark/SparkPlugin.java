package io.maple.engine.spark;

import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;
import io.maple.domain.RunType;
import io.maple.engine.spi.EnginePlugin;
import io.maple.engine.spi.InvalidJobException;
import io.maple.engine.spi.JobConfValues;
import io.maple.engine.spi.LaunchPreconditions;
import io.maple.engine.spi.LaunchRequest;
import io.maple.engine.spi.LaunchSpec;
import io.maple.engine.spi.PluginSettings;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Spark 3.x and 4.x on YARN (spark-submit in cluster mode), LOCAL (spark-submit local[2]) and K8S
 * (a SparkApplication for the spark-operator). Runner-based runTypes (sql, scala, data_calc) need
 * Spark 3.x: the runner is built for Scala 2.12.
 *
 * <p>Settings: {@code spark.runner-jar} (script launches; default {@code <engineHome>/maple/maple-spark-runner.jar}),
 * {@code spark.k8s.runner-jar} (default {@code local:///opt/maple/maple-spark-runner.jar}),
 * {@code spark.k8s.image}, {@code spark.k8s.service-account}.
 */
public final class SparkPlugin implements EnginePlugin {

    /** Spark 3.x and 4.x; compiled once: String.matches compiles it on every call, on the submission path. */
    private static final Pattern VERSION = Pattern.compile("[34]\\.\\d+(\\.\\d+)?");

    private PluginSettings settings = PluginSettings.none();

    @Override
    public EngineCategory engine() {
        return EngineCategory.SPARK;
    }

    @Override
    public void configure(PluginSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean supports(String engineVersion, ClusterCategory clusterCategory) {
        return engineVersion != null && VERSION.matcher(engineVersion).matches() && clusterCategory != null;
    }

    @Override
    public void validate(LaunchRequest request) {
        prepare(request);
    }

    @Override
    public LaunchSpec render(LaunchRequest request) {
        Prepared prepared = prepare(request);
        return switch (request.clusterCategory()) {
            case YARN, LOCAL -> SparkScripts.render(request, prepared.options(), prepared.app());
            case K8S -> SparkApplications.render(request, prepared.options(), prepared.app(), settings);
        };
    }

    private Prepared prepare(LaunchRequest request) {
        JobConfig job = LaunchPreconditions.mergedJob(this, request);
        String runnerJar = LaunchPreconditions.runnerJar(settings, request,
                "local:///opt/maple/maple-spark-runner.jar");
        SparkApp app = SparkApp.of(job, runnerJar);
        job = withoutPrimaryJar(job);
        if (app.usesRunner() && !request.engineVersion().startsWith("3.")) {
            throw new InvalidJobException("engineVersion", "runType " + job.runType().wireName()
                    + " runs through Maple's Spark runner, which needs Spark 3.x (Scala 2.12)");
        }
        SparkOptions options = SparkOptions.resolve(job, request.engineExtInfo(), request.clusterCategory(),
                request.clusterQueue());
        return new Prepared(options, app);
    }

    /** A jar job without jobConf.mainFile runs the first of {@code jars}: do not ship it twice. */
    private static JobConfig withoutPrimaryJar(JobConfig job) {
        if (job.runType() != RunType.JAR || new JobConfValues(job.jobConf()).has("mainFile")
                || job.jars() == null || job.jars().isBlank()) {
            return job;
        }
        String rest = Arrays.stream(job.jars().split(",")).skip(1).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(","));
        return new JobConfig(job.driverCores(), job.driverMemory(), job.numExecutors(), job.executorCores(),
                job.executorMemory(), job.driverJavaOptions(), job.driverClassPath(), rest.isEmpty() ? null : rest,
                job.files(), job.archives(), job.conf(), job.runType(), job.jobConf());
    }

    private record Prepared(SparkOptions options, SparkApp app) {
    }
}
