package io.maple.engine.spark;

import static io.maple.engine.spi.Shell.quote;

import io.maple.domain.ClusterCategory;
import io.maple.engine.spi.EngineEnvironment;
import io.maple.engine.spi.LaunchRequest;
import io.maple.engine.spi.LaunchSpec;
import io.maple.engine.spi.Names;
import io.maple.engine.spi.ScriptTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders the spark-submit script for YARN (cluster mode) and LOCAL (local[2], client mode). */
final class SparkScripts {

    private static final ScriptTemplate TEMPLATE =
            ScriptTemplate.load(SparkScripts.class, "/io/maple/engine/spark/spark-submit.sh.vm");

    private SparkScripts() {
    }

    static LaunchSpec.Script render(LaunchRequest request, SparkOptions options, SparkApp app) {
        String tag = Names.applicationTag(request.executionId());
        List<String> args = new ArrayList<>();
        args.add("--name " + quote(Names.applicationName(request.executionId(), request.execName())));
        if (request.clusterCategory() == ClusterCategory.YARN) {
            args.add("--queue " + quote(request.clusterQueue()));
            args.add("--conf " + quote("spark.yarn.tags=" + tag));
        }
        options.options().forEach((option, value) -> args.add(option + " " + quote(value)));
        options.confs().forEach((key, value) -> args.add("--conf " + quote(key + "=" + value)));
        if (app.mainClass() != null) {
            args.add("--class " + quote(app.mainClass()));
        }
        if (app.pyFiles() != null) {
            args.add("--py-files " + quote(app.pyFiles()));
        }
        args.add(quote(app.primary()));
        app.args().forEach(arg -> args.add(quote(arg)));
        String script = TEMPLATE.render(Map.of(
                "executionId", request.executionId(),
                "engineVersion", request.engineVersion(),
                "category", request.clusterCategory().name(),
                "exports", EngineEnvironment.exports(request),
                "submit", EngineEnvironment.binary(request, "bin/spark-submit"),
                "args", args));
        return new LaunchSpec.Script(script, tag);
    }
}
