package io.maple.activities.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LOCAL launcher.
 *
 * @param workDir   one sub-directory per execution holds its script, pid, output and exit code
 * @param killGrace time between SIGTERM and SIGKILL to the process group
 */
@ConfigurationProperties("maple.local")
public record LocalLauncherProperties(@DefaultValue("/tmp/maple-local") Path workDir,
                                      @DefaultValue("5s") Duration killGrace) {
}
