package io.maple.activities.log;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.maple.activities.launch.k8s.K8sClients;
import io.maple.activities.launch.k8s.MapleMarkers;
import io.maple.domain.ClusterCategory;
import io.maple.engine.spi.Names;
import io.maple.persistence.cluster.ClusterRecord;
import io.maple.persistence.execution.ExecutionRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The log of a K8S execution's main pod: the SparkApplication's driver (the operator gives it the
 * {@code maple-id} label Maple puts on the driver, and {@code spark-role=driver}) or the
 * FlinkDeployment's JobManager (the operator labels it {@code app=<deployment>},
 * {@code component=jobmanager}); the newest one where a restart left several. K8s keeps one
 * stream per container, stdout and stderr together, so both streams answer it; a tail is cut by
 * the API server ({@code tailLines}), a page from the start is streamed and dropped past the page.
 */
public class K8sLogs implements ExecutionLogSource {

    /** The engine's container where the pod has sidecars. */
    private static final List<String> MAIN_CONTAINERS = List.of("spark-kubernetes-driver", "flink-main-container");

    private final K8sClients clients;
    private final StreamedLog streamed;

    public K8sLogs(K8sClients clients, LogProperties properties) {
        this.clients = clients;
        this.streamed = new StreamedLog(properties.countLimit().toBytes());
    }

    @Override
    public ClusterCategory category() {
        return ClusterCategory.K8S;
    }

    @Override
    public LogPage read(ExecutionRecord execution, ClusterRecord cluster, LogStream stream, long from, int size) {
        MainContainer main = mainContainer(execution, cluster, stream);
        Loggable log = from >= 0 ? main.log() : main.log().tailingLines((int) Math.min(-from, Integer.MAX_VALUE));
        try (InputStream in = main.stream(log)) {
            return new LogPage("k8s-pod", from >= 0 ? streamed.forward(in, from, size) : streamed.tail(in, -from, size));
        } catch (KubernetesClientException e) {
            throw main.refusal(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of pod " + main.pod(), e);
        }
    }

    @Override
    public OpenedLog open(ExecutionRecord execution, ClusterRecord cluster, LogStream stream) {
        MainContainer main = mainContainer(execution, cluster, stream);
        return new OpenedLog("k8s-pod", main.stream(main.log()));
    }

    private MainContainer mainContainer(ExecutionRecord execution, ClusterRecord cluster, LogStream stream) {
        if (stream == LogStream.LAUNCH) {
            throw new LogNotFoundException("execution " + execution.id() + " runs on K8s, where Maple launches by "
                    + "creating its SparkApplication or FlinkDeployment: no launch command wrote output (the "
                    + "resource's state is in the execution's execInfo; its driver's log is stream=stdout)");
        }
        KubernetesClient client = clients.client(cluster);
        Set<String> namespaces = clients.config(cluster).namespacesFor(execution.clusterQueue());
        Pod pod = mainPod(client, namespaces, execution.id()).orElseThrow(() -> new LogNotFoundException(
                "execution " + execution.id() + " has no driver or JobManager pod in namespaces " + namespaces
                        + ": it has not started yet, or its pods were removed"));
        ContainerResource container = client.pods().inNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName()).inContainer(containerOf(pod));
        return new MainContainer(execution.id(), pod.getMetadata().getName(), container);
    }

    /** The engine's container of an execution's main pod. */
    private record MainContainer(long executionId, String pod, ContainerResource log) {

        InputStream stream(Loggable loggable) {
            try {
                return loggable.getLogInputStream();
            } catch (KubernetesClientException e) {
                throw refusal(e);
            }
        }

        RuntimeException refusal(KubernetesClientException e) {
            if (e.getCode() == 404 || e.getCode() == 400) {
                // 400: the container has not started ("ContainerCreating"), 404: the pod went meanwhile
                return new LogNotFoundException("the log of pod " + pod + " of execution " + executionId
                        + " is not readable yet: " + e.getStatus().getMessage());
            }
            return e;
        }
    }

    private static Optional<Pod> mainPod(KubernetesClient client, Set<String> namespaces, long executionId) {
        for (String namespace : namespaces) {
            List<Pod> drivers = client.pods().inNamespace(namespace)
                    .withLabel(MapleMarkers.ID_LABEL, Long.toString(executionId))
                    .withLabel("spark-role", "driver").list().getItems();
            List<Pod> jobManagers = client.pods().inNamespace(namespace)
                    .withLabel("app", Names.resourceName(executionId))
                    .withLabel("component", "jobmanager").list().getItems();
            Optional<Pod> newest = Stream.concat(drivers.stream(), jobManagers.stream())
                    .max(Comparator.comparing(p -> String.valueOf(p.getMetadata().getCreationTimestamp())));
            if (newest.isPresent()) {
                return newest;
            }
        }
        return Optional.empty();
    }

    private static String containerOf(Pod pod) {
        List<Container> containers = pod.getSpec() == null ? List.of() : pod.getSpec().getContainers();
        return containers.stream().map(Container::getName).filter(MAIN_CONTAINERS::contains).findFirst()
                .orElse(containers.isEmpty() ? null : containers.get(0).getName());
    }
}
