package io.maple.activities.launch.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K8sClusterConfigTest {

    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c1
              cluster: {server: "https://k8s-one:6443", insecure-skip-tls-verify: true}
            - name: c2
              cluster: {server: "https://k8s-two:6443"}
            users:
            - name: u1
              user: {token: token-one}
            - name: u2
              user: {token: token-two}
            contexts:
            - name: one
              context: {cluster: c1, user: u1, namespace: from-kubeconfig}
            - name: two
              context: {cluster: c2, user: u2}
            current-context: one
            """;

    @Test
    void urlAndTokenConfig() {
        K8sClusterConfig config = K8sClusterConfig.parse("""
                {"masterUrl":"https://api.k8s:6443","token":"secret","namespace":"spark-jobs","trustCerts":true,
                 "watchNamespaces":["spark-jobs","flink-jobs"],"someOtherKey":1}""");

        Config fabric8 = config.toFabric8Config();

        assertThat(fabric8.getMasterUrl()).startsWith("https://api.k8s:6443");
        assertThat(fabric8.getOauthToken()).isEqualTo("secret");
        assertThat(fabric8.getNamespace()).isEqualTo("spark-jobs");
        assertThat(fabric8.isTrustCerts()).isTrue();
        assertThat(config.namespacesToWatch()).containsExactly("spark-jobs", "flink-jobs");
    }

    @Test
    void oauthTokenIsAnAliasAndTheNamespaceDefaults() {
        K8sClusterConfig config = K8sClusterConfig.parse("{\"masterUrl\":\"http://127.0.0.1:1\",\"oauthToken\":\"t\"}");

        assertThat(config.token()).isEqualTo("t");
        assertThat(config.defaultNamespace()).isEqualTo("default");
        assertThat(config.namespacesToWatch()).containsExactly("default");
        assertThat(config.toFabric8Config().getNamespace()).isEqualTo("default");
    }

    @Test
    void inlineKubeconfigWithAContext() {
        String json = "{\"kubeconfig\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(KUBECONFIG)
                + ",\"context\":\"two\",\"namespace\":\"jobs\"}";

        Config fabric8 = K8sClusterConfig.parse(json).toFabric8Config();

        assertThat(fabric8.getMasterUrl()).startsWith("https://k8s-two:6443");
        assertThat(tokenOf(fabric8)).isEqualTo("token-two");
        assertThat(fabric8.getNamespace()).isEqualTo("jobs");
    }

    @Test
    void kubeconfigPathUsesItsCurrentContextAndNamespace(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("kubeconfig"), KUBECONFIG);

        K8sClusterConfig config = K8sClusterConfig.parse("{\"kubeconfigPath\":\"" + file + "\"}");
        Config fabric8 = config.toFabric8Config();

        assertThat(fabric8.getMasterUrl()).startsWith("https://k8s-one:6443");
        assertThat(tokenOf(fabric8)).isEqualTo("token-one");
        assertThat(fabric8.getNamespace()).isEqualTo("from-kubeconfig");
    }

    @Test
    void aConfigWithoutAnyWayToReachTheClusterIsRefused() {
        assertThatThrownBy(() -> K8sClusterConfig.parse("{\"namespace\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("masterUrl");
        assertThatThrownBy(() -> K8sClusterConfig.parse("{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> K8sClusterConfig.parse(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** fabric8 keeps a kubeconfig user's token as the "auto" token, an explicit one as the OAuth token. */
    private static String tokenOf(Config config) {
        return config.getOauthToken() != null ? config.getOauthToken() : config.getAutoOAuthToken();
    }
}
