package dev.daap.domain.error;

/**
 * Someone else changed the resource between our read and our write; retrying the request is safe. (Not called
 * ConcurrentModificationException, which {@code java.util} already means for iterators; the problem code stays
 * {@code concurrent-modification}.)
 */
public final class ConcurrentChangeException extends DomainException {
    public ConcurrentChangeException(String id) {
        this("database", id);
    }

    /** @param resource what was changed, e.g. {@code cluster}; {@code id} names it */
    public ConcurrentChangeException(String resource, String id) {
        super(resource + " " + id + " was changed by another request at the same time; retry");
    }

    @Override
    public String code() {
        return "concurrent-modification";
    }
}
