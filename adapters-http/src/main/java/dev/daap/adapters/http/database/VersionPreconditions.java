package dev.daap.adapters.http.database;

import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.adapters.http.protocol.EntityTags;
import dev.daap.adapters.http.protocol.IfMatch;
import dev.daap.domain.database.Database;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.VersionMismatchException;
import java.util.function.Supplier;

/**
 * Turns {@code If-Match} into the version a write expects. The write always states a version — the one the
 * client named, or the one the handler read and merged against — so that the use case refuses a write over a
 * change it did not see.
 */
final class VersionPreconditions {
    private VersionPreconditions() {}

    /** The version to write against; a 412 problem if {@code ifMatch} names tags and none is current. */
    static long expectedVersion(IfMatch ifMatch, Database current) {
        if (!ifMatch.matches(current.version())) {
            throw HttpProblemException.preconditionFailed("If-Match does not match the current ETag "
                    + EntityTags.of(current.version()) + "; read the database again and retry");
        }
        return current.version();
    }

    /**
     * Runs a write made against the version the handler read. If that version changed meanwhile and the client
     * had not named one, the client's precondition did not fail: the server lost a race, so it is a 409 that is
     * safe to retry, not a 412.
     */
    static <T> T write(IfMatch ifMatch, String id, Supplier<T> write) {
        try {
            return write.get();
        } catch (VersionMismatchException e) {
            if (ifMatch.hasTags()) {
                throw e;
            }
            throw new ConcurrentChangeException(id);
        }
    }
}
