package io.maple.activities.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LOCAL launcher.
 *
 * @param workDir   one sub-directory per execution holds its script, pid, output and exit code
 * @param killGrace   time between SIGTERM and SIGKILL to the process group
 * @param exitSignals the launching worker signals a process's end to its workflow at once (the poll is the
 *                    fallback); off only where the Java test server skips time (see the activities tests)
 */
@ConfigurationProperties("maple.local")
public record LocalLauncherProperties(@DefaultValue("/tmp/maple-local") Path workDir,
                                      @DefaultValue("5s") Duration killGrace,
                                      @DefaultValue("true") boolean exitSignals) {
}
