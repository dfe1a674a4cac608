package io.maple.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Crash points for the system fault tests ({@code system-tests/}), all off by default. Never set
 * them in production: they halt the JVM on purpose.
 *
 * @param haltAfterInsertPrefix when set, a submission whose {@code uniqueId} starts with it halts the
 *                              api ({@code Runtime.halt}, no shutdown hooks) right after its row is
 *                              committed and before its workflow is started: the window the worker's
 *                              CREATED reconciler exists for. Other submissions are not affected, so a
 *                              test stack can keep it set.
 */
@ConfigurationProperties("maple.api.faults")
public record FaultProperties(String haltAfterInsertPrefix) {

    public boolean haltsAfterInsert(String uniqueId) {
        return haltAfterInsertPrefix != null && !haltAfterInsertPrefix.isEmpty() && uniqueId != null
                && uniqueId.startsWith(haltAfterInsertPrefix);
    }
}
