package dev.daap.domain.error;

/** Someone else changed the resource between our read and our write; retrying the request is safe. */
public final class ConcurrentModificationException extends DomainException {
    public ConcurrentModificationException(String id) {
        super("database " + id + " was changed by another request at the same time; retry");
    }

    @Override
    public String code() {
        return "concurrent-modification";
    }
}
