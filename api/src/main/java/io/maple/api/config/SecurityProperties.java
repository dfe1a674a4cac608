package io.maple.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the API ({@code maple.security.*}). The defaults run locally; a real install sets
 * {@code secret} and {@code bootstrap-admin-key} (the service warns at startup while they are the defaults).
 *
 * @param enabled             off only for local experiments: every request is then an admin
 * @param secret              server secret: derives app keys (so signatures can be checked without storing keys);
 *                            report tokens have their own secret ({@link ReportProperties})
 * @param bootstrapAdminApp   the admin app created at startup when absent
 * @param bootstrapAdminKey   its key
 * @param bootstrapAdminHosts CIDRs the bootstrap admin may call from
 * @param signatureWindow     how far a signed request's timestamp may be from now; replays inside it are refused
 * @param rateLimit           the token bucket of every app without an entry in {@code appRateLimits}
 * @param appRateLimits       per-app buckets by app name
 * @param console             the console's sign-in: how long a session lasts, how often one may try
 * @param appCache            how long an app found for a request is reused (0: looked up every time); an app
 *                            changed in the database by hand, not through this api, is seen after it
 */
@Validated
@ConfigurationProperties("maple.security")
public record SecurityProperties(
        @DefaultValue("true") boolean enabled,
        @NotBlank @DefaultValue(LOCAL_SECRET) String secret,
        @NotBlank @DefaultValue(LOCAL_ADMIN_APP) String bootstrapAdminApp,
        @NotBlank @DefaultValue(LOCAL_ADMIN_KEY) String bootstrapAdminKey,
        @NotNull @DefaultValue({"127.0.0.1/32", "::1/128"}) List<String> bootstrapAdminHosts,
        @NotNull @DefaultValue("5m") Duration signatureWindow,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @NotNull @DefaultValue Map<String, @Valid RateLimit> appRateLimits,
        @Valid @NotNull @DefaultValue Console console,
        @NotNull @DefaultValue("5s") Duration appCache) {

    public static final String LOCAL_SECRET = "maple-local-secret-change-me";
    public static final String LOCAL_ADMIN_APP = "maple-admin";
    public static final String LOCAL_ADMIN_KEY = "maple-local-admin-key-change-me";

    /**
     * A token bucket: {@code capacity} requests at once, refilled by {@code perSecond}.
     */
    public record RateLimit(@Positive @DefaultValue("200") int capacity,
                            @Positive @DefaultValue("100") double perSecond) {
    }

    /**
     * The console's sessions ({@code maple.security.console.*}). Each sign-in bucket holds its attempts
     * and refills them over a minute.
     *
     * @param sessionTtl            how long a sign-in lasts; the console asks to sign in again after it
     * @param signInAttemptsPerHost sign-in attempts a minute from one remote address (an office behind one
     *                              NAT address shares it)
     * @param signInAttemptsPerApp  sign-in attempts a minute naming one app, from anywhere
     */
    public record Console(@NotNull @DefaultValue("8h") Duration sessionTtl,
                          @Positive @DefaultValue("20") int signInAttemptsPerHost,
                          @Positive @DefaultValue("5") int signInAttemptsPerApp) {

        public RateLimit perHost() {
            return new RateLimit(signInAttemptsPerHost, signInAttemptsPerHost / 60.0);
        }

        public RateLimit perApp() {
            return new RateLimit(signInAttemptsPerApp, signInAttemptsPerApp / 60.0);
        }
    }

    public RateLimit rateLimitOf(String app) {
        return appRateLimits.getOrDefault(app, rateLimit);
    }
}
