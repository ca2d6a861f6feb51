package dev.daap.application.common;

import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.error.ConcurrentChangeException;
import java.util.function.Supplier;

/**
 * Runs a change again, in a fresh transaction, when it lost a race its client did not take part in: another change
 * committed between the change's read and its write, and the client named no version ({@code If-Match}), so it asked
 * for whatever version is current. The other change is most often DAAP's own worker moving the database a step on
 * (a {@code DELETE} right after a create meets the worker taking it to {@code provisioning}); answering such a
 * client {@code 409} made it retry what the server can retry itself. A client that named a version gets its failed
 * precondition at once, and a resource that changes on every attempt still ends in the conflict.
 */
public final class RacedChangeRetry {
    /** Attempts in all; a race lost this many times in a row is a resource too busy to change blind. */
    static final int ATTEMPTS = 3;

    private RacedChangeRetry() {}

    /** {@code change} must be a whole transaction: each attempt reads again what it changes. */
    public static <T> T run(VersionPrecondition precondition, Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (ConcurrentChangeException e) {
                if (precondition.namesVersions() || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
