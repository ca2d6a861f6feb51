package dev.daap.adapters.backup.s3;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keys given in {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and maybe {@code AWS_SESSION_TOKEN}. Never
 * printed: {@link #toString()} hides them, and {@link #redact} takes them out of a server's or the SDK's message
 * before it reaches a log, a problem or a backup's failure reason.
 */
public record S3Credentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
    public S3Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    String redact(String message) {
        if (message == null) {
            return null;
        }
        String redacted = message;
        for (String secret : secrets()) {
            if (!secret.isEmpty()) {
                redacted = redacted.replace(secret, "***");
            }
        }
        return redacted;
    }

    private List<String> secrets() {
        return sessionToken.isPresent()
                ? List.of(secretAccessKey, accessKeyId, sessionToken.get())
                : List.of(secretAccessKey, accessKeyId);
    }

    @Override
    public String toString() {
        return "S3Credentials[***]";
    }
}
