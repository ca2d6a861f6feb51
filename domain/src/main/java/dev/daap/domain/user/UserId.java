package dev.daap.domain.user;

import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    /** The 32 hexadecimal digits of the id, as it appears in the names of the user's logins. */
    public String hex() {
        return value.toString().replace("-", "");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
