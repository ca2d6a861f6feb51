package dev.daap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.audit.ActorKind;
import dev.daap.domain.common.Page;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.revision.Revision;
import dev.daap.domain.revision.RevisionActor;
import dev.daap.domain.revision.RevisionQuery;
import dev.daap.domain.revision.Revisions;
import dev.daap.domain.revision.SettingChange;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rules every implementation of the {@link Revisions} port keeps; the in-memory fake and the PostgreSQL table
 * both extend this class. Each test works on databases of its own (made known through {@link #databaseExists}),
 * so it passes in a shared database and in a rolled-back transaction alike.
 */
public abstract class RevisionsContract {
    private static final Instant T0 = Instant.parse("2026-12-03T16:00:00.123456Z");
    private final UUID key = UUID.randomUUID();

    /** The store under test, ready to use. */
    protected abstract Revisions revisions();

    /** Makes sure the database exists, for stores whose rows refer to databases; the default suits the others. */
    protected void databaseExists(DatabaseId database) {}

    /** Runs {@code work} in its own (nested) transaction; the default suits stores without transactions. */
    protected void inTransaction(Runnable work) {
        work.run();
    }

    @Test
    void aRevisionIsFoundWithEveryFieldAndItsSettingsInOrder() {
        DatabaseId database = aDatabase();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", "orders");
        settings.put("owner_team", "payments");
        settings.put("purpose", "Orders");
        settings.put("labels", Map.of("env", "prod"));
        settings.put("deletion_protection", true);
        var revision = new Revision(
                database,
                3,
                T0,
                RevisionActor.apiKey(key, new TeamSlug("payments")),
                List.of(
                        new SettingChange("labels", Map.of(), Map.of("env", "prod")),
                        new SettingChange("deletion_protection", false, true)),
                settings);

        revisions().add(revision);

        Revision found = revisions().find(database, 3).orElseThrow();
        assertThat(found).isEqualTo(revision);
        assertThat(found.settings().keySet())
                .containsExactly("name", "owner_team", "purpose", "labels", "deletion_protection");
        assertThat(revisions().find(database, 2)).isEmpty();
    }

    @Test
    void nullsAndActorsWithoutAKeyAreKept() {
        DatabaseId database = aDatabase();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", "orders");
        settings.put("plan", null);
        var revision = new Revision(
                database,
                1,
                T0,
                new RevisionActor(ActorKind.DAAP, null, null),
                List.of(new SettingChange("name", null, "orders"), new SettingChange("plan", null, null)),
                settings);

        revisions().add(revision);

        assertThat(revisions().find(database, 1)).contains(revision);
    }

    @Test
    void theListIsNewestFirstInKeysetPagesOfItsDatabaseOnly() {
        DatabaseId database = aDatabase();
        DatabaseId other = aDatabase();
        for (long version : new long[] {1, 2, 5, 7, 8}) {
            revisions().add(revisionOf(database, version));
        }
        revisions().add(revisionOf(other, 6));

        List<Long> seen = new ArrayList<>();
        var query = new RevisionQuery(database, 2, OptionalLong.empty());
        Page<Revision> page;
        do {
            page = revisions().list(query);
            page.items().forEach(revision -> seen.add(revision.version()));
            if (page.next().isPresent()) {
                query = new RevisionQuery(
                        database,
                        2,
                        OptionalLong.of(RevisionQuery.positionOf(page.next().get(), database)));
            }
        } while (page.next().isPresent());

        assertThat(seen).containsExactly(8L, 7L, 5L, 2L, 1L);
    }

    @Test
    void aSecondRevisionOfTheSameVersionIsRefused() {
        DatabaseId database = aDatabase();
        revisions().add(revisionOf(database, 4));

        assertThatThrownBy(() -> inTransaction(() -> revisions().add(revisionOf(database, 4))))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(revisions()
                        .list(new RevisionQuery(database, 10, OptionalLong.empty()))
                        .items())
                .singleElement()
                .extracting(Revision::version)
                .isEqualTo(4L);
    }

    @Test
    void aTokenOfOneDatabaseIsNoTokenOfAnother() {
        DatabaseId database = aDatabase();
        revisions().add(revisionOf(database, 1));
        revisions().add(revisionOf(database, 2));
        var token = revisions()
                .list(new RevisionQuery(database, 1, OptionalLong.empty()))
                .next()
                .orElseThrow();

        assertThat(RevisionQuery.positionOf(token, database)).isEqualTo(2);
        assertThatThrownBy(() -> RevisionQuery.positionOf(token, new DatabaseId(UUID.randomUUID())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private DatabaseId aDatabase() {
        DatabaseId database = new DatabaseId(UUID.randomUUID());
        databaseExists(database);
        return database;
    }

    private Revision revisionOf(DatabaseId database, long version) {
        return new Revision(
                database,
                version,
                T0.plusSeconds(version),
                RevisionActor.apiKey(key, null),
                List.of(new SettingChange("purpose", "v" + (version - 1), "v" + version)),
                Map.of("purpose", "v" + version));
    }
}
