package dev.daap.domain.error;

/** DAAP's own metadata database cannot be reached right now; the request did nothing and may be retried. */
public final class StoreUnavailableException extends DomainException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "store-unavailable";
    }
}
