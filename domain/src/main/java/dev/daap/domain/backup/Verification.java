package dev.daap.domain.backup;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The newest restore drill of a backup: {@code pending} while its job runs, then {@code passed} (the backup restored
 * into a scratch database and every table counted and hashed as recorded when it was taken) or {@code failed}, with
 * what differed or why it could not be restored.
 *
 * @param checkedAt when the drill ended; null while pending
 * @param detail    what the drill found, in words; null while pending
 */
public record Verification(Status status, Instant checkedAt, String detail) {
    public Verification {
        Objects.requireNonNull(status, "status");
        if ((status == Status.PENDING) != (checkedAt == null)) {
            throw new IllegalArgumentException("a drill has ended exactly when it is not pending");
        }
    }

    public static final Verification PENDING = new Verification(Status.PENDING, null, null);

    public enum Status {
        PENDING,
        PASSED,
        FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromWireName(String raw) {
            return valueOf(raw.toUpperCase(Locale.ROOT));
        }
    }
}
