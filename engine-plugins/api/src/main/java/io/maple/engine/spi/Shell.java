package io.maple.engine.spi;

/**
 * Shell quoting for rendered scripts. Every user value goes through {@link #quote} before it reaches a
 * template, so it is always exactly one word to bash: inside single quotes nothing is special except
 * the quote itself, which is closed, escaped and reopened.
 */
public final class Shell {

    private Shell() {
    }

    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            // bash cannot pass a NUL in an argument; refuse rather than silently truncate.
            throw new InvalidJobException("value", "a value contains a NUL character");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Whether {@code name} may be exported as an environment variable. */
    public static boolean isEnvName(String name) {
        return name != null && name.matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
