package dev.daap.domain.error;

import java.util.OptionalLong;

/** The client made its change against a version that is no longer current (a failed precondition). */
public final class VersionMismatchException extends DomainException {
    private final OptionalLong currentVersion;

    private VersionMismatchException(String message, OptionalLong currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    /** None of the versions the client named is the current one. */
    public static VersionMismatchException notCurrent(long current) {
        return new VersionMismatchException(
                "the change was made against a version that is no longer current; the current version is " + current,
                OptionalLong.of(current));
    }

    /** The version the client named was current when read, and another change replaced it before the write. */
    public static VersionMismatchException replacedMeanwhile(long named) {
        return new VersionMismatchException(
                "the change was made against version " + named + ", which another request has just replaced",
                OptionalLong.empty());
    }

    /** The version that is current instead, when it is known. */
    public OptionalLong currentVersion() {
        return currentVersion;
    }

    @Override
    public String code() {
        return "version-mismatch";
    }
}
