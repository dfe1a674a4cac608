package io.maple.api.security;

import io.maple.api.config.SecurityProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Per-execution tokens for the engine self-report: {@code HMAC(server secret, "report:" + id)}. A job
 * holding its own token cannot report for another execution, and nothing needs storing.
 */
@Component
public class ReportTokens {

    public static final String HEADER = "X-Maple-Report-Token";

    private final byte[] secret;

    public ReportTokens(SecurityProperties properties) {
        this.secret = properties.secret().getBytes(StandardCharsets.UTF_8);
    }

    public String token(long executionId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(AccessKeys.hmac(secret, "report:" + executionId));
    }

    public boolean verify(long executionId, String presented) {
        return presented != null && MessageDigest.isEqual(
                token(executionId).getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
