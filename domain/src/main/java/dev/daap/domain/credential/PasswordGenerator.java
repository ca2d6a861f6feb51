package dev.daap.domain.credential;

import java.security.SecureRandom;
import java.util.Base64;

/** Strong random passwords: 32 bytes (256 bits) from a SecureRandom, URL-safe base64 without padding. */
public final class PasswordGenerator {
    private final SecureRandom random = new SecureRandom();

    public String newPassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
