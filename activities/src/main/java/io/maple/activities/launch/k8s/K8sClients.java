package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.maple.domain.ClusterCategory;
import io.maple.persistence.cluster.ClusterRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One fabric8 client per K8S cluster, shared by the launcher and the informers (a client owns an
 * HTTP client and thread pools, so one per call would leak). A changed config JSON replaces it.
 */
@Component
public class K8sClients implements DisposableBean {

    private record Entry(String configJson, K8sClusterConfig config, KubernetesClient client) {
    }

    private final Map<String, Entry> byCluster = new ConcurrentHashMap<>();

    public KubernetesClient client(ClusterRecord cluster) {
        return entry(cluster).client();
    }

    public K8sClusterConfig config(ClusterRecord cluster) {
        return entry(cluster).config();
    }

    private Entry entry(ClusterRecord cluster) {
        if (cluster.category() != ClusterCategory.K8S) {
            throw new IllegalArgumentException("cluster " + cluster.name() + " is " + cluster.category() + ", not K8S");
        }
        return byCluster.compute(cluster.name(), (name, current) -> {
            if (current != null && current.configJson().equals(cluster.config())) {
                return current;
            }
            if (current != null) {
                current.client().close();
            }
            K8sClusterConfig config = K8sClusterConfig.parse(cluster.config());
            KubernetesClient client = new KubernetesClientBuilder().withConfig(config.toFabric8Config()).build();
            return new Entry(cluster.config(), config, client);
        });
    }

    @Override
    public void destroy() {
        byCluster.values().forEach(e -> e.client().close());
        byCluster.clear();
    }
}
