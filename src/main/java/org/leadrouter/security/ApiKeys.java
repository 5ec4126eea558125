package org.leadrouter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API key secrets: {@code lr_} and 32 random bytes. Only their SHA-256 is stored. A slow password
 * hash (bcrypt, PBKDF2) protects guessable passwords; a 256-bit random secret cannot be guessed,
 * so one SHA-256 is as safe and keeps the check on each request to one hash and one map lookup.
 */
public final class ApiKeys {

    public static final String PREFIX = "lr_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ApiKeys() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + BASE64URL.encodeToString(bytes);
    }

    public static boolean looksLikeKey(String token) {
        return token.startsWith(PREFIX);
    }

    public static String hash(String secret) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
