package io.maple.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Crash points for the system fault tests ({@code system-tests/}), all off by default. Never set
 * them in production: they halt the JVM on purpose.
 *
 * @param haltAfterInsert halt the api ({@code Runtime.halt}, no shutdown hooks) right after a
 *                        submission's row is committed and before its workflow is started: the
 *                        window the worker's CREATED reconciler exists for
 */
@ConfigurationProperties("maple.api.faults")
public record FaultProperties(@DefaultValue("false") boolean haltAfterInsert) {
}
