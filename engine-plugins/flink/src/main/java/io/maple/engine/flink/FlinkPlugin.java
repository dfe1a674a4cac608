package io.maple.engine.flink;

import static io.maple.engine.spi.Shell.quote;

import io.maple.domain.ClusterCategory;
import io.maple.domain.EngineCategory;
import io.maple.domain.JobConfig;
import io.maple.engine.spi.EngineEnvironment;
import io.maple.engine.spi.EnginePlugin;
import io.maple.engine.spi.LaunchPreconditions;
import io.maple.engine.spi.LaunchRequest;
import io.maple.engine.spi.LaunchSpec;
import io.maple.engine.spi.Names;
import io.maple.engine.spi.PluginSettings;
import io.maple.engine.spi.ScriptTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Flink 1.15 to 1.20, 2.0 and 2.1 (the flinkVersion values the operator's CRD knows) on YARN
 * ({@code flink run-application -t yarn-application}), LOCAL
 * ({@code flink run -t local}, attached) and K8S (a FlinkDeployment for the flink-kubernetes-operator).
 *
 * <p>Settings: {@code flink.runner-jar} (default {@code <engineHome>/maple/maple-flink-runner.jar}),
 * {@code flink.k8s.runner-jar}, {@code flink.k8s.image} (default {@code flink:<major.minor>}),
 * {@code flink.k8s.python-jar}, {@code flink.k8s.service-account}.
 */
public final class FlinkPlugin implements EnginePlugin {

    /** Flink 1.15 to 2.1; compiled once: String.matches compiles it on every call, on the submission path. */
    private static final Pattern VERSION = Pattern.compile("(1\\.(1[5-9]|20)|2\\.[01])(\\.\\d+)?");

    private static final ScriptTemplate TEMPLATE =
            ScriptTemplate.load(FlinkPlugin.class, "/io/maple/engine/flink/flink-run.sh.vm");

    private PluginSettings settings = PluginSettings.none();

    @Override
    public EngineCategory engine() {
        return EngineCategory.FLINK;
    }

    @Override
    public void configure(PluginSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean supports(String engineVersion, ClusterCategory clusterCategory) {
        return engineVersion != null && clusterCategory != null
                && VERSION.matcher(engineVersion).matches();
    }

    @Override
    public void validate(LaunchRequest request) {
        prepare(request);
    }

    @Override
    public LaunchSpec render(LaunchRequest request) {
        Prepared prepared = prepare(request);
        return switch (request.clusterCategory()) {
            case YARN, LOCAL -> script(request, prepared);
            case K8S -> FlinkDeployments.render(request, prepared.confs(), prepared.app(), settings);
        };
    }

    private LaunchSpec.Script script(LaunchRequest request, Prepared prepared) {
        String tag = Names.applicationTag(request.executionId());
        String name = Names.applicationName(request.executionId(), request.execName());
        List<String> args = new ArrayList<>();
        if (request.clusterCategory() == ClusterCategory.YARN) {
            args.add(quote("-D" + FlinkConf.QUEUE + "=" + request.clusterQueue()));
            args.add(quote("-Dyarn.tags=" + tag));
            args.add(quote("-Dyarn.application.name=" + name));
        }
        args.add(quote("-Dpipeline.name=" + name));
        prepared.confs().forEach((key, value) -> args.add(quote("-D" + key + "=" + value)));
        FlinkApp app = prepared.app();
        if (app.python()) {
            args.add("-py " + quote(app.mainFile()));
            if (app.pyFiles() != null) {
                args.add("-pyfs " + quote(app.pyFiles()));
            }
        } else {
            if (app.mainClass() != null) {
                args.add("-c " + quote(app.mainClass()));
            }
            args.add(quote(app.mainFile()));
        }
        app.args().forEach(arg -> args.add(quote(arg)));
        String script = TEMPLATE.render(Map.of(
                "executionId", request.executionId(),
                "engineVersion", request.engineVersion(),
                "category", request.clusterCategory().name(),
                "exports", EngineEnvironment.exports(request),
                "flink", EngineEnvironment.binary(request, "bin/flink"),
                "args", args));
        return new LaunchSpec.Script(script, tag);
    }

    private Prepared prepare(LaunchRequest request) {
        JobConfig job = LaunchPreconditions.mergedJob(this, request);
        String runnerJar = LaunchPreconditions.runnerJar(settings, request,
                "local:///opt/flink/usrlib/maple-flink-runner.jar");
        FlinkApp app = FlinkApp.of(job, runnerJar);
        return new Prepared(FlinkConf.resolve(job, request.engineExtInfo(), request.clusterCategory(),
                request.clusterQueue()), app);
    }

    private record Prepared(Map<String, String> confs, FlinkApp app) {
    }
}
