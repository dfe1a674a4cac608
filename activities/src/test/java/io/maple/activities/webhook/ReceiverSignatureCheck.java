package io.maple.activities.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a webhook receiver does with a delivery, written from the README alone (not from the code that
 * signs): the signature header is {@code t=<epoch seconds>,sha256=<hex>}, the hex is HMAC-SHA256 under
 * the shared secret of the timestamp, a dot and the raw body, and a delivery whose timestamp is more than
 * five minutes from the receiver's clock is refused, so a captured one cannot be replayed later.
 */
public final class ReceiverSignatureCheck {

    /** The skew the README tells receivers to refuse beyond. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private ReceiverSignatureCheck() {
    }

    /** Null when the delivery is authentic and fresh, else why it is refused. */
    public static String refusal(String secret, String timestampHeader, String signatureHeader, byte[] body,
                                 Instant now) {
        if (timestampHeader == null || signatureHeader == null) {
            return "unsigned";
        }
        String[] parts = signatureHeader.split(",");
        if (parts.length != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("sha256=")) {
            return "malformed signature";
        }
        if (!parts[0].substring(2).equals(timestampHeader)) {
            return "signature for another timestamp";
        }
        long t;
        try {
            t = Long.parseLong(timestampHeader);
        } catch (NumberFormatException e) {
            return "malformed timestamp";
        }
        if (Math.abs(now.getEpochSecond() - t) > MAX_SKEW.toSeconds()) {
            return "stale timestamp";
        }
        byte[] expected = hmac(secret, (timestampHeader + ".").getBytes(StandardCharsets.UTF_8), body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(parts[1].substring("sha256=".length()));
        } catch (IllegalArgumentException e) {
            return "malformed signature";
        }
        return MessageDigest.isEqual(expected, given) ? null : "bad signature";
    }

    private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = new byte[prefix.length + body.length];
            System.arraycopy(prefix, 0, signed, 0, prefix.length);
            System.arraycopy(body, 0, signed, prefix.length, body.length);
            return mac.doFinal(signed);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
