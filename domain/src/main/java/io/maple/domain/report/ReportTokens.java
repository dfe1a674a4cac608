package io.maple.domain.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * Per-execution tokens for the engine self-report ({@code POST /executions/{id}/report}). The worker
 * derives a token when it launches an execution and hands it to the engine in its environment; the
 * api derives it again to check a report. Both read the secret from {@code maple.report.secret}
 * ({@code MAPLE_REPORT_SECRET}), so nothing is stored and nothing travels through Temporal.
 *
 * <p>A token is {@code r1.<id>.<base64url HMAC(secret, "report:" + id)>}: it names the execution it
 * was made for, so the api can tell a job presenting <em>its own</em> valid token on another
 * execution (403, a job overstepping) from a forged or missing one (401).
 */
public final class ReportTokens {

    /** The request header a report carries its token in. */
    public static final String HEADER = "X-Maple-Report-Token";
    /** The default of {@code maple.report.secret} on both sides, so a local api and worker agree. */
    public static final String LOCAL_SECRET = "maple-local-report-secret-change-me";
    /** Environment of a launched engine: its token, where to send reports, and its execution id. */
    public static final String TOKEN_ENV = "MAPLE_REPORT_TOKEN";
    public static final String URL_ENV = "MAPLE_REPORT_URL";
    public static final String EXECUTION_ID_ENV = "MAPLE_EXECUTION_ID";

    private static final String VERSION = "r1";

    /** What a presented token proves about one execution. */
    public enum Verdict {
        /** made for this execution */
        VALID,
        /** genuine, but made for another execution */
        OTHER_EXECUTION,
        /** missing, malformed or not made with our secret */
        INVALID
    }

    private final byte[] secret;

    public ReportTokens(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the report token secret must not be blank");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String token(long executionId) {
        return VERSION + "." + executionId + "." + mac(executionId);
    }

    public Verdict verify(long executionId, String presented) {
        if (presented == null) {
            return Verdict.INVALID;
        }
        String[] parts = presented.trim().split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !parts[1].matches("\\d{1,18}")) {
            return Verdict.INVALID;
        }
        long named = Long.parseLong(parts[1]);
        if (!MessageDigest.isEqual(mac(named).getBytes(StandardCharsets.UTF_8),
                parts[2].getBytes(StandardCharsets.UTF_8))) {
            return Verdict.INVALID;
        }
        return named == executionId ? Verdict.VALID : Verdict.OTHER_EXECUTION;
    }

    /**
     * The environment a launched engine gets: {@link #TOKEN_ENV}, {@link #URL_ENV} (the report
     * endpoint under {@code apiUrl}) and {@link #EXECUTION_ID_ENV}.
     */
    public Map<String, String> environment(long executionId, String apiUrl) {
        String base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        return Map.of(TOKEN_ENV, token(executionId),
                URL_ENV, base + "/api/v1/executions/" + executionId + "/report",
                EXECUTION_ID_ENV, Long.toString(executionId));
    }

    private String mac(long executionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.sha256(secret, "report:" + executionId));
    }

    @Override
    public String toString() {
        return "ReportTokens[secret=***]"; // never the secret, should this object ever be logged
    }
}
