package dev.daap.domain.revision;

import java.util.Objects;

/** One setting's value before and after a revision; either may be null (not set, or a new database's before). */
public record SettingChange(String field, Object before, Object after) {
    public SettingChange {
        Objects.requireNonNull(field, "field");
    }
}
