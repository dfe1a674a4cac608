package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Arrays;
import java.util.Optional;

/** The custom resources Maple launches, with how to reach them and how to read their status. */
public enum MapleResourceKind {

    SPARK_APPLICATION("sparkoperator.k8s.io", "v1beta2", "SparkApplication", "sparkapplications") {
        @Override
        public MappedState map(GenericKubernetesResource resource) {
            return SparkApplicationStates.map(resource);
        }
    },
    FLINK_DEPLOYMENT("flink.apache.org", "v1beta1", "FlinkDeployment", "flinkdeployments") {
        @Override
        public MappedState map(GenericKubernetesResource resource) {
            return FlinkDeploymentStates.map(resource);
        }
    };

    private final String group;
    private final String version;
    private final String kind;
    private final String plural;

    MapleResourceKind(String group, String version, String kind, String plural) {
        this.group = group;
        this.version = version;
        this.kind = kind;
        this.plural = plural;
    }

    /** The operator's status of a resource of this kind, mapped to Maple's cluster phase. */
    public abstract MappedState map(GenericKubernetesResource resource);

    public String apiVersion() {
        return group + "/" + version;
    }

    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }

    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group).withVersion(version).withKind(kind).withPlural(plural).withNamespaced(true)
                .build();
    }

    public static Optional<MapleResourceKind> of(String apiVersion, String kind) {
        return Arrays.stream(values())
                .filter(k -> k.apiVersion().equals(apiVersion) && k.kind.equals(kind))
                .findFirst();
    }
}
