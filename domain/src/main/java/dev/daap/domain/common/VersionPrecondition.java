package dev.daap.domain.common;

import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.DomainException;
import dev.daap.domain.error.VersionMismatchException;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * What a change requires of the version it changes, as its client stated it (HTTP's {@code If-Match}): any version,
 * or one of the versions the client has seen. The use case checks it against the version it reads in the change's
 * own transaction, and writes against that version, so a change never lands over one it did not see:
 * <ul>
 *   <li>the client named versions and none is current: {@link #check} refuses (a failed precondition);
 *   <li>another change commits between the read and the write: if the client named versions, the one it named is
 *       gone, a failed precondition as well; if it named none, the server lost a race that a retry wins, a
 *       {@link ConcurrentChangeException} (see {@link #changedMeanwhile}).
 * </ul>
 */
public final class VersionPrecondition {
    /** The client named no version: the change applies to whatever version is current when it runs. */
    public static final VersionPrecondition ANY = new VersionPrecondition(null);

    private final Set<Long> versions; // null: any

    private VersionPrecondition(Set<Long> versions) {
        this.versions = versions;
    }

    /** One of {@code versions} must be current; none at all is a condition no version meets. */
    public static VersionPrecondition oneOf(Collection<Long> versions) {
        return new VersionPrecondition(Set.copyOf(versions));
    }

    /** True when the client made its change against versions it named. */
    public boolean namesVersions() {
        return versions != null;
    }

    public boolean allows(long version) {
        return versions == null || versions.contains(version);
    }

    /** Refuses a change to a resource whose version, read in the change's transaction, is {@code current}. */
    public void check(long current) {
        if (!allows(current)) {
            throw VersionMismatchException.notCurrent(current);
        }
    }

    /**
     * What a write against version {@code read} reports when the store found it replaced by another change: a
     * failed precondition if the client named versions, else {@code conflict} (a retry is safe).
     */
    public DomainException changedMeanwhile(ConcurrentChangeException conflict, long read) {
        return namesVersions() ? VersionMismatchException.replacedMeanwhile(read) : conflict;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionPrecondition that && Objects.equals(versions, that.versions);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(versions);
    }

    @Override
    public String toString() {
        return versions == null ? "any version" : "one of versions " + versions;
    }
}
