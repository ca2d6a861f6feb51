package dev.daap.adapters.postgres.credential;

/**
 * The configured key is not the one that encrypted the stored credentials. The message names no variable: only the
 * caller knows whether the key came from one or from a file, and tells the operator accordingly.
 */
public final class SecretKeyMismatchException extends RuntimeException {
    private final String expectedKeyId;
    private final String actualKeyId;

    SecretKeyMismatchException(String expectedKeyId, String actualKeyId) {
        super("the key given does not match the key that encrypted the stored credentials (expected key id "
                + expectedKeyId + ", got " + actualKeyId + ")");
        this.expectedKeyId = expectedKeyId;
        this.actualKeyId = actualKeyId;
    }

    public String expectedKeyId() {
        return expectedKeyId;
    }

    public String actualKeyId() {
        return actualKeyId;
    }
}
