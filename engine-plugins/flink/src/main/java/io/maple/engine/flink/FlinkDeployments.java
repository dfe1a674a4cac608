package io.maple.engine.flink;

import io.maple.engine.spi.InvalidJobException;
import io.maple.engine.spi.LaunchRequest;
import io.maple.engine.spi.LaunchSpec;
import io.maple.engine.spi.Names;
import io.maple.engine.spi.PluginSettings;
import io.maple.engine.spi.ResourceYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the flink-kubernetes-operator's FlinkDeployment (flink.apache.org/v1beta1) in application
 * mode as maps and serializes it. The operator needs image, flinkVersion, jobManager and taskManager
 * resources and a job with a jarURI.
 */
final class FlinkDeployments {

    static final String API_VERSION = "flink.apache.org/v1beta1";
    static final String KIND = "FlinkDeployment";

    private FlinkDeployments() {
    }

    static LaunchSpec.Resource render(LaunchRequest request, Map<String, String> confs, FlinkApp app,
                                      PluginSettings settings) {
        String name = Names.resourceName(request.executionId());
        String namespace = request.clusterQueue();
        if (!namespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            throw new InvalidJobException("clusterQueue", "the cluster queue is not a valid K8s namespace: " + namespace);
        }
        String[] version = request.engineVersion().split("\\.");
        String majorMinor = version[0] + "." + version[1];

        Map<String, Object> flinkConfiguration = new LinkedHashMap<>(confs);
        flinkConfiguration.put("pipeline.name", Names.applicationName(request.executionId(), request.execName()));
        Map<String, Object> job = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        if (app.python()) {
            job.put("jarURI", settings.get("flink.k8s.python-jar",
                    "local:///opt/flink/opt/flink-python-" + request.engineVersion() + ".jar"));
            job.put("entryClass", "org.apache.flink.client.python.PythonDriver");
            args.add("-py");
            args.add(app.mainFile());
            if (app.pyFiles() != null) {
                args.add("-pyfs");
                args.add(app.pyFiles());
            }
        } else {
            job.put("jarURI", app.mainFile());
            if (app.mainClass() != null) {
                job.put("entryClass", app.mainClass());
            }
        }
        args.addAll(app.args());
        job.put("args", args);
        job.put("parallelism", 1);
        job.put("upgradeMode", "stateless");
        job.put("state", "running");

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("image", settings.get("flink.k8s.image", "flink:" + majorMinor));
        spec.put("flinkVersion", "v" + majorMinor.replace('.', '_'));
        spec.put("serviceAccount", settings.get("flink.k8s.service-account", "flink"));
        spec.put("flinkConfiguration", flinkConfiguration);
        spec.put("jobManager", Map.of("resource", resource(confs, "jobmanager")));
        spec.put("taskManager", Map.of("resource", resource(confs, "taskmanager")));
        spec.put("job", job);

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.put("labels", Map.of(Names.ID_LABEL, Long.toString(request.executionId())));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", API_VERSION);
        resource.put("kind", KIND);
        resource.put("metadata", metadata);
        resource.put("spec", spec);
        return new LaunchSpec.Resource(API_VERSION, KIND, namespace, name, ResourceYaml.write(resource));
    }

    private static Map<String, Object> resource(Map<String, String> confs, String process) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("memory", confs.getOrDefault(process + ".memory.process.size", "1024m"));
        resource.put("cpu", 1.0);
        return resource;
    }
}
