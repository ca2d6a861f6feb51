package dev.daap.domain.error;

/**
 * Someone else changed the resource between our read and our write; retrying the request is safe. (Not called
 * ConcurrentModificationException, which {@code java.util} already means for iterators; the problem code stays
 * {@code concurrent-modification}.)
 */
public final class ConcurrentChangeException extends DomainException {
    public ConcurrentChangeException(String id) {
        super("database " + id + " was changed by another request at the same time; retry");
    }

    @Override
    public String code() {
        return "concurrent-modification";
    }
}
