package io.maple.engine.spi;

import java.util.Locale;

/** Names derived from an execution: cluster application names, K8s object names and labels, the tag. */
public final class Names {

    /** The label (K8s) and tag key (YARN) carrying the execution id. */
    public static final String ID_LABEL = "maple-id";

    private Names() {
    }

    /** The YARN application tag, lower case because YARN lower-cases tags when it stores them. */
    public static String applicationTag(long executionId) {
        return (ID_LABEL + "=" + executionId).toLowerCase(Locale.ROOT);
    }

    /** A DNS-1123 subdomain name for a custom resource: {@code maple-<id>}. */
    public static String resourceName(long executionId) {
        return "maple-" + executionId;
    }

    /**
     * A display name for the cluster application: {@code maple-<id>} plus the execution name reduced to
     * letters, digits, {@code .}, {@code _} and {@code -}, at most 100 characters.
     */
    public static String applicationName(long executionId, String execName) {
        String base = "maple-" + executionId;
        if (execName == null || execName.isBlank()) {
            return base;
        }
        String clean = execName.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._-]+|[._-]+$", "");
        String name = clean.isEmpty() ? base : base + "-" + clean;
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
