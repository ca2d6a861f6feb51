package dev.daap.domain.error;

/** The client made its change against a version that is no longer current (a failed precondition). */
public final class VersionMismatchException extends DomainException {
    public VersionMismatchException(long expected, long actual) {
        super("the change was made against version " + expected + " but the current version is " + actual);
    }

    /** Another change committed between this request's read and its write. */
    public VersionMismatchException(long expected) {
        super("the change was made against version " + expected + ", which another request has just replaced");
    }

    @Override
    public String code() {
        return "version-mismatch";
    }
}
