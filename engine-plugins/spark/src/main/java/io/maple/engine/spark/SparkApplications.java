package io.maple.engine.spark;

import io.maple.engine.spi.InvalidJobException;
import io.maple.engine.spi.LaunchRequest;
import io.maple.engine.spi.LaunchSpec;
import io.maple.engine.spi.Names;
import io.maple.engine.spi.PluginSettings;
import io.maple.engine.spi.ResourceYaml;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the spark-operator's SparkApplication (sparkoperator.k8s.io/v1beta2) as maps and serializes
 * it, so that no user value can become YAML structure. The CRD requires {@code spec.type},
 * {@code spec.sparkVersion}, {@code spec.driver} and {@code spec.executor}.
 */
final class SparkApplications {

    static final String API_VERSION = "sparkoperator.k8s.io/v1beta2";
    static final String KIND = "SparkApplication";

    private SparkApplications() {
    }

    static LaunchSpec.Resource render(LaunchRequest request, SparkOptions options, SparkApp app,
                                      PluginSettings settings) {
        String name = Names.resourceName(request.executionId());
        String namespace = request.clusterQueue();
        if (!namespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            throw new InvalidJobException("clusterQueue", "the cluster queue is not a valid K8s namespace: " + namespace);
        }
        Map<String, String> labels = Map.of(Names.ID_LABEL, Long.toString(request.executionId()));

        Map<String, Object> sparkConf = new LinkedHashMap<>(options.confs());
        sparkConf.put("spark.app.name", Names.applicationName(request.executionId(), request.execName()));
        Map<String, Object> driver = new LinkedHashMap<>();
        Map<String, Object> executor = new LinkedHashMap<>();
        Map<String, Object> deps = new LinkedHashMap<>();
        driver.put("cores", 1);
        driver.put("memory", "1g");
        executor.put("instances", 1);
        executor.put("cores", 1);
        executor.put("memory", "1g");
        options.options().forEach((option, value) -> {
            switch (option) {
                case "--driver-cores" -> driver.put("cores", integer(value, options.sourceOf().get(option)));
                case "--driver-memory" -> driver.put("memory", value);
                case "--driver-java-options" -> driver.put("javaOptions", value);
                case "--num-executors" -> executor.put("instances", integer(value, options.sourceOf().get(option)));
                case "--executor-cores" -> executor.put("cores", integer(value, options.sourceOf().get(option)));
                case "--executor-memory" -> executor.put("memory", value);
                case "--driver-class-path" -> sparkConf.put("spark.driver.extraClassPath", value);
                case "--driver-library-path" -> sparkConf.put("spark.driver.extraLibraryPath", value);
                case "--jars" -> deps.put("jars", commaList(value));
                case "--files" -> deps.put("files", commaList(value));
                case "--archives" -> deps.put("archives", commaList(value));
                case "--py-files" -> deps.put("pyFiles", commaList(value));
                default -> throw new InvalidJobException(options.sourceOf().get(option),
                        options.sourceOf().get(option) + " (" + option + ") has no SparkApplication field");
            }
        });
        if (app.pyFiles() != null) {
            deps.put("pyFiles", commaList(app.pyFiles()));
        }
        String serviceAccount = settings.get("spark.k8s.service-account", "spark");
        driver.put("serviceAccount", serviceAccount);
        driver.put("labels", labels);
        executor.put("labels", labels);

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", app.language());
        if (app.language().equals("Python")) {
            spec.put("pythonVersion", "3");
        }
        spec.put("mode", "cluster");
        String image = settings.get("spark.k8s.image", null);
        if (image != null) {
            spec.put("image", image);
        }
        spec.put("sparkVersion", request.engineVersion());
        if (app.mainClass() != null) {
            spec.put("mainClass", app.mainClass());
        }
        spec.put("mainApplicationFile", app.primary());
        spec.put("arguments", app.args());
        spec.put("sparkConf", sparkConf);
        if (!deps.isEmpty()) {
            spec.put("deps", deps);
        }
        spec.put("restartPolicy", Map.of("type", "Never"));
        spec.put("driver", driver);
        spec.put("executor", executor);

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.put("labels", labels);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", API_VERSION);
        resource.put("kind", KIND);
        resource.put("metadata", metadata);
        resource.put("spec", spec);
        return new LaunchSpec.Resource(API_VERSION, KIND, namespace, name, ResourceYaml.write(resource));
    }

    private static int integer(String value, String field) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidJobException(field, field + " must be a whole number on K8s: " + value);
        }
    }

    private static List<String> commaList(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
