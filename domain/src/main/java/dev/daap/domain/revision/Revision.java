package dev.daap.domain.revision;

import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A change to a database's settings: the database's version after it, when and by whom, what changed, and every
 * setting as it was then ({@code settings}, the whole state at this version). Workers' changes (status, connection)
 * move the version on too without a revision, so versions of revisions have gaps.
 */
public record Revision(
        DatabaseId database,
        long version,
        Instant changedAt,
        RevisionActor actor,
        List<SettingChange> changes,
        Map<String, Object> settings) {
    public Revision {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(actor, "actor");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a revision changes at least one setting");
        }
        // Values may be null: no Map.copyOf
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * The revision from {@code before} to {@code after} (before null: a new database, every setting changed), or
     * none when no setting differs.
     */
    public static Optional<Revision> of(Database before, Database after, RevisionActor actor) {
        List<SettingChange> changes = DatabaseSettings.between(before, after);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Revision(
                after.id(), after.version(), after.updatedAt(), actor, changes, DatabaseSettings.of(after)));
    }
}
