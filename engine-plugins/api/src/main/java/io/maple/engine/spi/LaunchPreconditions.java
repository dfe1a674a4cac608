package io.maple.engine.spi;

import io.maple.domain.ClusterCategory;
import io.maple.domain.JobConfig;

/** What every engine plugin checks before rendering, and the job it renders: defaults merged under the user's. */
public final class LaunchPreconditions {

    private LaunchPreconditions() {
    }

    /** Throws {@link InvalidJobException} naming the field when {@code plugin} cannot launch the request. */
    public static JobConfig mergedJob(EnginePlugin plugin, LaunchRequest request) {
        String engine = plugin.engine().wireName();
        if (request.engine() != plugin.engine()) {
            throw new InvalidJobException("engine", "not a " + engine + " request");
        }
        if (!plugin.supports(request.engineVersion(), request.clusterCategory())) {
            throw new InvalidJobException("engineVersion", "unsupported " + engine + " version: "
                    + request.engineVersion());
        }
        if (request.clusterCategory() != ClusterCategory.LOCAL && isBlank(request.clusterQueue())) {
            throw new InvalidJobException("clusterQueue", "clusterQueue is required on " + request.clusterCategory());
        }
        // K8s runs images; every other category runs the engine's bin/ from its home on the launcher host
        if (request.clusterCategory() != ClusterCategory.K8S && isBlank(request.engineHome())) {
            throw new InvalidJobException("engineHome", "the cluster engine has no engine home");
        }
        JobConfig job = JobConfigMerger.merge(request.defaults(), request.job());
        if (job == null) {
            throw new InvalidJobException("job", "job configuration is required");
        }
        return job;
    }

    /** The runner jar: a plugin setting, else where the engine home (or the image, on K8s) carries it. */
    public static String runnerJar(PluginSettings settings, LaunchRequest request, String k8sDefault) {
        String engine = request.engine().wireName();
        return request.clusterCategory() == ClusterCategory.K8S
                ? settings.get(engine + ".k8s.runner-jar", k8sDefault)
                : settings.get(engine + ".runner-jar", request.engineHome() + "/maple/maple-" + engine + "-runner.jar");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
