package io.maple.api.security;

import io.maple.api.config.SecurityProperties;
import io.maple.domain.report.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * App keys and their stored form. A key is {@code HMAC(server secret, app + salt)}: the server can
 * re-derive it to check HMAC signatures, yet only {@code salt$SHA-256(salt || key)} is stored, so
 * the table alone never yields a key. Keys carry 256 random-derived bits, which is why one salted
 * SHA-256 suffices (a slow KDF protects guessable passwords, not random keys).
 */
@Component
public class AccessKeys {

    private static final String PREFIX = "v1$";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final String bootstrapApp;
    private final String bootstrapKey;

    public AccessKeys(SecurityProperties properties) {
        this.secret = properties.secret().getBytes(StandardCharsets.UTF_8);
        this.bootstrapApp = properties.bootstrapAdminApp();
        this.bootstrapKey = properties.bootstrapAdminKey();
    }

    /** A fresh salt and the key derived from it; the caller stores {@link #stored} and shows the key once. */
    public Issued issue(String app) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltText = Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
        String key = derive(app, saltText);
        return new Issued(key, stored(saltText, key));
    }

    /** The stored form of the configured bootstrap admin key. */
    public String storedBootstrapKey() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return stored(Base64.getUrlEncoder().withoutPadding().encodeToString(salt), bootstrapKey);
    }

    /** Constant-time check of a presented key against its stored form. */
    public boolean matches(String presented, String storedForm) {
        String[] parts = split(storedForm);
        if (parts == null || presented == null) {
            return false;
        }
        byte[] expected = Base64.getUrlDecoder().decode(parts[1]);
        return MessageDigest.isEqual(hash(parts[0], presented), expected);
    }

    /** The key an app signs with, re-derived from the stored salt; null when the stored form is unusable. */
    public String signingKey(String app, String storedForm) {
        String[] parts = split(storedForm);
        if (parts == null) {
            return null;
        }
        String candidate = app.equals(bootstrapApp) && matches(bootstrapKey, storedForm)
                ? bootstrapKey : derive(app, parts[0]);
        // a rotated or foreign hash must not accept signatures made with a derivable but revoked key
        return matches(candidate, storedForm) ? candidate : null;
    }

    public static String hmacHex(String key, String message) {
        return HexFormat.of().formatHex(Hmac.sha256(key.getBytes(StandardCharsets.UTF_8), message));
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String derive(String app, String salt) {
        return "mk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.sha256(secret, "app-key:" + app + ":" + salt));
    }

    private static String stored(String salt, String key) {
        return PREFIX + salt + "$" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash(salt, key));
    }

    private static byte[] hash(String salt, String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.UTF_8));
            return digest.digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String[] split(String storedForm) {
        if (storedForm == null || !storedForm.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = storedForm.substring(PREFIX.length()).split("\\$");
        return parts.length == 2 ? parts : null;
    }

    /** A newly issued key (shown once) and what is stored for it. */
    public record Issued(String key, String stored) {
    }
}
