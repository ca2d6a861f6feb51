package dev.daap.adapters.postgres.credential;

/** The configured key is not the one that encrypted the stored credentials; the message is for the operator. */
public final class SecretKeyMismatchException extends RuntimeException {
    private final String expectedKeyId;
    private final String actualKeyId;

    SecretKeyMismatchException(String expectedKeyId, String actualKeyId) {
        super("DAAP_SECRET_KEY does not match the key that encrypted the stored credentials (expected key id "
                + expectedKeyId + ", got " + actualKeyId + "); restore the original key — DAAP never replaces it "
                + "by itself");
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
