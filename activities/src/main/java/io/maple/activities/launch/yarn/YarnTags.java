package io.maple.activities.launch.yarn;

import java.util.Locale;
import java.util.OptionalLong;

/** The tag every YARN application of an execution carries: {@code maple-id=<id>}, lower case as YARN stores it. */
public final class YarnTags {

    public static final String PREFIX = "maple-id=";

    private YarnTags() {
    }

    public static String forExecution(long executionId) {
        return PREFIX + executionId;
    }

    public static String normalize(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }

    public static OptionalLong executionIdOf(String tag) {
        String t = normalize(tag);
        if (!t.startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(t.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
