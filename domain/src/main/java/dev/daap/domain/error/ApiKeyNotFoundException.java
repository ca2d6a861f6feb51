package dev.daap.domain.error;

/** The team has no API key with this id (it never had, or the caller may not see it). */
public final class ApiKeyNotFoundException extends DomainException {
    public ApiKeyNotFoundException(String id) {
        super("no API key with id " + id);
    }

    @Override
    public String code() {
        return "api-key-not-found";
    }
}
