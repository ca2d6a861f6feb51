package dev.daap.domain.provisioning;

/**
 * The target cluster refused or could not be reached. The message is written for a human who can act on it
 * (it becomes the database's failure reason) and never contains a password.
 */
public class ProvisioningException extends RuntimeException {
    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProvisioningException(String message) {
        super(message);
    }
}
