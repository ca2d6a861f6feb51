package dev.daap.domain.error;

/** The request carries no credentials, or credentials that are unknown, malformed, expired or revoked. */
public final class NotAuthenticatedException extends DomainException {
    private final boolean credentialsPresented;

    /** @param credentialsPresented false when no token came at all, true when a token came and was refused */
    public NotAuthenticatedException(String message, boolean credentialsPresented) {
        super(message);
        this.credentialsPresented = credentialsPresented;
    }

    public boolean credentialsPresented() {
        return credentialsPresented;
    }

    @Override
    public String code() {
        return "unauthenticated";
    }
}
