package io.maple.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's settings ({@code maple.console.*}).
 *
 * @param workerSilence a worker whose heartbeat row ({@code maple_worker}) is older than this is not listed;
 *                      a few of the workers' {@code maple.worker.heartbeat-interval} (10s)
 * @param temporalUiUrl the Temporal UI as a browser reaches it, e.g. {@code http://localhost:8088}: an
 *                      execution's page links to its workflow there; none by default (the dev server has none)
 * @param examplesJar   the example jobs' jar as the workers see it, which the submit form's jar templates
 *                      name; {@code ./maple dev} sets it, a placeholder path is offered without it
 */
@ConfigurationProperties("maple.console")
public record ConsoleProperties(@DefaultValue("30s") Duration workerSilence, String temporalUiUrl, String examplesJar) {
}
