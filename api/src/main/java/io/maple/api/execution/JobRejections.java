package io.maple.api.execution;

import io.maple.api.web.BadRequestException;
import io.maple.engine.spi.InvalidJobException;
import java.util.Set;

/** Turns an engine plugin's refusal into a 400 naming the request field (plugins name job fields). */
final class JobRejections {

    private static final Set<String> TOP_LEVEL = Set.of("cluster", "clusterQueue", "engineCategory", "engineVersion");

    private JobRejections() {
    }

    static void check(Runnable pluginCall) {
        try {
            pluginCall.run();
        } catch (InvalidJobException e) {
            throw new BadRequestException(requestField(e.field()), e.getMessage());
        }
    }

    static <T> T check(java.util.function.Supplier<T> pluginCall) {
        try {
            return pluginCall.get();
        } catch (InvalidJobException e) {
            throw new BadRequestException(requestField(e.field()), e.getMessage());
        }
    }

    static String requestField(String pluginField) {
        if (pluginField == null) {
            return "job";
        }
        if (pluginField.equals("engine")) {
            return "engineCategory";
        }
        if (pluginField.equals("engineHome")) {
            // the cluster engine was registered without a home: an admin's fix, but this engine cannot run
            return "engineVersion";
        }
        if (pluginField.equals("clusterCategory")) {
            return "cluster";
        }
        return TOP_LEVEL.contains(pluginField) ? pluginField : "job." + pluginField;
    }
}
