package io.maple.activities.launch.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Locale;

/**
 * Memory (MiB, as a decimal string) and cores an application asked for, read from its spec, or
 * from the Flink operator's {@code status.clusterInfo} totals once it reports them.
 */
record ResourceUsage(String memory, String cores) {

    static ResourceUsage ofSparkApplication(GenericKubernetesResource app) {
        long instances = orDefault(ResourceFields.number(app, "spec", "executor", "instances"), 1L);
        Long driverMb = mebibytes(ResourceFields.string(app, "spec", "driver", "memory"));
        Long executorMb = mebibytes(ResourceFields.string(app, "spec", "executor", "memory"));
        Double driverCores = ResourceFields.decimal(app, "spec", "driver", "cores");
        Double executorCores = ResourceFields.decimal(app, "spec", "executor", "cores");
        String memory = driverMb == null && executorMb == null ? null
                : Long.toString(orDefault(driverMb, 0L) + instances * orDefault(executorMb, 0L));
        String cores = driverCores == null && executorCores == null ? null
                : decimal(orDefault(driverCores, 0.0) + instances * orDefault(executorCores, 0.0));
        return new ResourceUsage(memory, cores);
    }

    static ResourceUsage ofFlinkDeployment(GenericKubernetesResource deployment) {
        Long totalBytes = ResourceFields.number(deployment, "status", "clusterInfo", "total-memory");
        Double totalCpu = ResourceFields.decimal(deployment, "status", "clusterInfo", "total-cpu");
        if (totalBytes != null && totalCpu != null) {
            return new ResourceUsage(Long.toString(totalBytes / (1024 * 1024)), decimal(totalCpu));
        }
        long jmReplicas = orDefault(ResourceFields.number(deployment, "spec", "jobManager", "replicas"), 1L);
        long tmReplicas = orDefault(ResourceFields.number(deployment, "spec", "taskManager", "replicas"), 1L);
        Long jmMb = mebibytes(ResourceFields.string(deployment, "spec", "jobManager", "resource", "memory"));
        Long tmMb = mebibytes(ResourceFields.string(deployment, "spec", "taskManager", "resource", "memory"));
        Double jmCpu = ResourceFields.decimal(deployment, "spec", "jobManager", "resource", "cpu");
        Double tmCpu = ResourceFields.decimal(deployment, "spec", "taskManager", "resource", "cpu");
        String memory = jmMb == null && tmMb == null ? null
                : Long.toString(jmReplicas * orDefault(jmMb, 0L) + tmReplicas * orDefault(tmMb, 0L));
        String cores = jmCpu == null && tmCpu == null ? null
                : decimal(jmReplicas * orDefault(jmCpu, 0.0) + tmReplicas * orDefault(tmCpu, 0.0));
        return new ResourceUsage(memory, cores);
    }

    /** "512m", "2g", "1Gi", "1024Mi", "2048" (Flink/JVM style: bare numbers are bytes) to MiB. */
    static Long mebibytes(String quantity) {
        if (quantity == null || quantity.isBlank()) {
            return null;
        }
        String q = quantity.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        int split = 0;
        while (split < q.length() && (Character.isDigit(q.charAt(split)) || q.charAt(split) == '.')) {
            split++;
        }
        double value;
        try {
            value = Double.parseDouble(q.substring(0, split));
        } catch (NumberFormatException e) {
            return null;
        }
        double mib = switch (q.substring(split)) {
            case "", "b" -> value / (1024 * 1024);
            case "k", "kb", "ki" -> value / 1024;
            case "m", "mb", "mi" -> value;
            case "g", "gb", "gi" -> value * 1024;
            case "t", "tb", "ti" -> value * 1024 * 1024;
            default -> Double.NaN;
        };
        return Double.isNaN(mib) ? null : Math.round(mib);
    }

    private static String decimal(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
