package io.maple.activities.launch.k8s;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The connection part of a K8S {@code maple_cluster.config} JSON: either an API server URL with a
 * token or user/password, or a kubeconfig (inline or a path), plus the default namespace.
 * The cluster queue of an execution is the namespace its resource goes to.
 *
 * <pre>{"masterUrl":"https://k8s:6443","token":"...","caCertData":"...","namespace":"spark-jobs",
 *  "watchNamespaces":["spark-jobs","flink-jobs"]}
 * {"kubeconfigPath":"/etc/maple/k8s-a.yaml","context":"prod","namespace":"jobs"}</pre>
 *
 * @param watchNamespaces namespaces the informers watch; empty means just {@code namespace};
 *                        {@code ["*"]} watches every namespace (needs cluster-wide list/watch rights)
 * @param requestRetryBackoffLimit how often fabric8 itself retries a 429/5xx/IO failure before the
 *                        call fails (default 3); the activity's retry policy is the outer loop
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record K8sClusterConfig(
        String masterUrl,
        @JsonAlias("oauthToken") String token,
        String username,
        String password,
        String caCertData,
        Boolean trustCerts,
        String kubeconfig,
        String kubeconfigPath,
        String context,
        String namespace,
        List<String> watchNamespaces,
        Integer requestRetryBackoffLimit) {

    public static final String DEFAULT_NAMESPACE = "default";
    public static final String ALL_NAMESPACES = "*";
    public static final int DEFAULT_REQUEST_RETRIES = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    public static K8sClusterConfig parse(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("K8S cluster config is empty");
        }
        K8sClusterConfig config;
        try {
            config = JSON.readValue(json, K8sClusterConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("K8S cluster config is not valid JSON: " + e.getMessage(), e);
        }
        if (isBlank(config.masterUrl) && isBlank(config.kubeconfig) && isBlank(config.kubeconfigPath)) {
            throw new IllegalArgumentException("K8S cluster config needs masterUrl, kubeconfig or kubeconfigPath");
        }
        return config;
    }

    /** The namespace used when neither the rendered resource nor the execution's queue names one. */
    public String defaultNamespace() {
        return isBlank(namespace) ? DEFAULT_NAMESPACE : namespace;
    }

    public List<String> namespacesToWatch() {
        return watchNamespaces == null || watchNamespaces.isEmpty() ? List.of(defaultNamespace()) : watchNamespaces;
    }

    /**
     * Where an execution's objects are looked for, in order: its queue's namespace, the default one,
     * then the watched ones, so an object the plugin put in another namespace is still found.
     */
    public Set<String> namespacesFor(String queue) {
        Set<String> namespaces = new LinkedHashSet<>();
        if (queue != null && !queue.isBlank()) {
            namespaces.add(queue);
        }
        namespaces.add(defaultNamespace());
        namespacesToWatch().stream().filter(ns -> !ALL_NAMESPACES.equals(ns)).forEach(namespaces::add);
        return namespaces;
    }

    /** A fabric8 config built only from this JSON: never from the worker's own ~/.kube or env. */
    public Config toFabric8Config() {
        Config base;
        if (!isBlank(kubeconfig)) {
            base = Config.fromKubeconfig(context, kubeconfig, null);
        } else if (!isBlank(kubeconfigPath)) {
            try {
                base = Config.fromKubeconfig(context, Files.readString(Path.of(kubeconfigPath)), kubeconfigPath);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read kubeconfig " + kubeconfigPath + ": " + e.getMessage(), e);
            }
        } else {
            base = Config.empty();
        }
        ConfigBuilder builder = new ConfigBuilder(base);
        if (!isBlank(masterUrl)) {
            builder.withMasterUrl(masterUrl);
        }
        if (!isBlank(token)) {
            builder.withOauthToken(token);
        }
        if (!isBlank(username)) {
            builder.withUsername(username).withPassword(password);
        }
        if (!isBlank(caCertData)) {
            builder.withCaCertData(caCertData);
        }
        if (trustCerts != null) {
            builder.withTrustCerts(trustCerts);
        }
        builder.withRequestRetryBackoffLimit(
                requestRetryBackoffLimit == null ? DEFAULT_REQUEST_RETRIES : requestRetryBackoffLimit);
        if (!isBlank(namespace) || isBlank(base.getNamespace())) {
            builder.withNamespace(defaultNamespace());
        }
        return builder.build();
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
