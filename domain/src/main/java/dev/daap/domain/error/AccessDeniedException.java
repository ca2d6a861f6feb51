package dev.daap.domain.error;

/** The caller is known, and may see the resource, but its role does not allow this action. */
public final class AccessDeniedException extends DomainException {
    public AccessDeniedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "forbidden";
    }
}
