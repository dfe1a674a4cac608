package io.maple.embeddeddb;

import java.util.Locale;

/**
 * {@code MAPLE_DB_EMBEDDED}: whether Maple falls back to an embedded MariaDB. {@link #AUTO} uses a
 * server that answers on the configured address and starts an embedded one only when none does.
 */
public enum EmbeddedMode {
    AUTO, ALWAYS, NEVER;

    public static final String VARIABLE = "MAPLE_DB_EMBEDDED";

    /** The mode this process was given; {@link #AUTO} when the variable is unset or empty. */
    public static EmbeddedMode fromEnvironment() {
        return parse(System.getenv(VARIABLE));
    }

    public static EmbeddedMode parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(VARIABLE + "=" + value + " is not a mode: use auto, always or never");
        }
    }

    /** Whether to use the server on the configured address, given whether one answers there. */
    public boolean usesConfiguredServer(boolean configuredAnswers) {
        return this == NEVER || (this == AUTO && configuredAnswers);
    }
}
