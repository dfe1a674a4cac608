package io.maple.engine.spi;

/** What a plugin renders: a shell script (YARN, LOCAL) or a Kubernetes custom resource (K8S). */
public sealed interface LaunchSpec permits LaunchSpec.Script, LaunchSpec.Resource {

    /**
     * A bash script that submits the application and returns once the cluster accepted it (YARN) or
     * runs it to the end (LOCAL). Every user value in it is shell-quoted.
     *
     * @param applicationTag the tag the application carries on the cluster (YARN lower-cases tags)
     */
    record Script(String script, String applicationTag) implements LaunchSpec {
    }

    /**
     * A custom resource (SparkApplication, FlinkDeployment) serialized as YAML, built as objects.
     *
     * @param name DNS-1123 name derived from the execution id
     */
    record Resource(String apiVersion, String kind, String namespace, String name, String yaml)
            implements LaunchSpec {
    }
}
