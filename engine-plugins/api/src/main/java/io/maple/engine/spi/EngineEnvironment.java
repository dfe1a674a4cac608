package io.maple.engine.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** What a rendered script takes from the cluster engine: its exported environment and its binaries. */
public final class EngineEnvironment {

    private EngineEnvironment() {
    }

    /** {@code NAME='value'} lines for the engine's {@code ext_info.envs}, sorted, values shell-quoted. */
    public static List<String> exports(LaunchRequest request) {
        List<String> exports = new ArrayList<>();
        if (request.engineExtInfo() != null && request.engineExtInfo().envs() != null) {
            new TreeMap<>(request.engineExtInfo().envs()).forEach((name, value) -> {
                if (!Shell.isEnvName(name)) {
                    throw new InvalidJobException("engineExtInfo.envs", "not an environment variable name: " + name);
                }
                // The seed's template lists envs with empty values: exporting "" would hide the host's own.
                if (value != null && !value.isEmpty()) {
                    exports.add(name + "=" + Shell.quote(value));
                }
            });
        }
        return exports;
    }

    /** The shell-quoted path of {@code relative} (e.g. {@code bin/flink}) under the engine home. */
    public static String binary(LaunchRequest request, String relative) {
        String home = request.engineHome();
        return Shell.quote((home.endsWith("/") ? home.substring(0, home.length() - 1) : home) + "/" + relative);
    }
}
