package io.maple.domain;

/** Where an execution runs: a YARN cluster, a Kubernetes cluster, or processes on the worker host. */
public enum ClusterCategory {
    YARN,
    K8S,
    LOCAL
}
