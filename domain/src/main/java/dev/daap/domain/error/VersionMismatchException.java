package dev.daap.domain.error;

/** The client made its change against a version that is no longer current (a failed precondition). */
public final class VersionMismatchException extends DomainException {
    public VersionMismatchException(long expected, long actual) {
        super("the change was made against version " + expected + " but the current version is " + actual);
    }

    @Override
    public String code() {
        return "version-mismatch";
    }
}
