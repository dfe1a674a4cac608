package io.maple.activities.launch.yarn;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of YARN launch and monitoring ({@code maple.yarn.*}); the defaults run locally.
 *
 * @param workDir             base of the per-execution working directories ({@code <workDir>/<executionId>});
 *                            defaults to {@code ${java.io.tmpdir}/maple-yarn}
 * @param launcherTimeout     a launch script still running after this is destroyed
 * @param logTailBytes        how much of the launcher's output is kept (in LaunchResult, then MySQL)
 * @param startingTimeout     an app still NEW..ACCEPTED this long after it was submitted is killed: START_FAILED
 * @param killConfirmTimeout  how long kill waits for the RM to report the app ended
 * @param pollInterval        the poller's period (one RM call per cluster per period)
 * @param notFoundGrace       an watched execution whose app is absent from the RM this long is NOT_FOUND
 * @param pollerEnabled       start one poller per YARN cluster with the application
 */
@ConfigurationProperties("maple.yarn")
public record YarnProperties(
        Path workDir,
        @DefaultValue("10m") Duration launcherTimeout,
        @DefaultValue("16384") int logTailBytes,
        @DefaultValue("10m") Duration startingTimeout,
        @DefaultValue("60s") Duration killConfirmTimeout,
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("2m") Duration notFoundGrace,
        @DefaultValue("true") boolean pollerEnabled) {

    public YarnProperties {
        if (workDir == null) {
            workDir = Path.of(System.getProperty("java.io.tmpdir"), "maple-yarn");
        }
    }

    public static YarnProperties defaults(Path workDir) {
        return new YarnProperties(workDir, Duration.ofMinutes(10), 16384, Duration.ofMinutes(10),
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMinutes(2), true);
    }

    public YarnProperties withStartingTimeout(Duration timeout) {
        return new YarnProperties(workDir, launcherTimeout, logTailBytes, timeout, killConfirmTimeout, pollInterval,
                notFoundGrace, pollerEnabled);
    }
}
