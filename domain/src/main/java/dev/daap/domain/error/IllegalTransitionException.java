package dev.daap.domain.error;

/** The requested change is not allowed in the database's current status. */
public final class IllegalTransitionException extends DomainException {
    public IllegalTransitionException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "illegal-transition";
    }
}
