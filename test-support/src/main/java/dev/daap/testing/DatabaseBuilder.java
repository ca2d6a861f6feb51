package dev.daap.testing;

import dev.daap.domain.common.Labels;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Test data: {@code aDatabase().named("orders").ownedBy("payments").build()}. A test names what it cares about; the
 * rest is a pending database of team {@code payments} at version 1, with a new id and a name of its own (names
 * are unique among live databases, so tests on a shared PostgreSQL do not collide), created at {@link #CREATED},
 * whose microseconds PostgreSQL stores exactly, so what a store returns equals what was built.
 */
public final class DatabaseBuilder {
    public static final Instant CREATED = Instant.parse("2026-11-25T14:00:00.123456Z");

    private DatabaseId id = new DatabaseId(UUID.randomUUID());
    private DatabaseName name =
            new DatabaseName("db-" + UUID.randomUUID().toString().substring(0, 13));
    private TeamSlug ownerTeam = new TeamSlug("payments");
    private Purpose purpose = new Purpose("A database for a test");
    private DatabaseStatus status = DatabaseStatus.PENDING;
    private ConnectionDetails connection;
    private Labels labels = Labels.NONE;
    private Instant createdAt = CREATED;
    private Instant updatedAt;
    private long version = 1;

    private DatabaseBuilder() {}

    public static DatabaseBuilder aDatabase() {
        return new DatabaseBuilder();
    }

    public DatabaseBuilder withId(DatabaseId id) {
        this.id = id;
        return this;
    }

    public DatabaseBuilder named(String name) {
        this.name = new DatabaseName(name);
        return this;
    }

    public DatabaseBuilder ownedBy(TeamSlug team) {
        this.ownerTeam = team;
        return this;
    }

    public DatabaseBuilder ownedBy(String team) {
        return ownedBy(new TeamSlug(team));
    }

    public DatabaseBuilder withPurpose(String purpose) {
        this.purpose = new Purpose(purpose);
        return this;
    }

    /** The status only: no transition is checked, and no connection is set with it. */
    public DatabaseBuilder withStatus(DatabaseStatus status) {
        this.status = status;
        return this;
    }

    public DatabaseBuilder withConnection(ConnectionDetails connection) {
        this.connection = connection;
        return this;
    }

    public DatabaseBuilder withLabels(Map<String, String> labels) {
        this.labels = new Labels(labels);
        return this;
    }

    /** Also the update time, unless {@link #updatedAt} sets another. */
    public DatabaseBuilder createdAt(Instant at) {
        this.createdAt = at;
        return this;
    }

    public DatabaseBuilder updatedAt(Instant at) {
        this.updatedAt = at;
        return this;
    }

    public DatabaseBuilder version(long version) {
        this.version = version;
        return this;
    }

    /** A live database: without operation, failure or deletion time. */
    public Database build() {
        return new Database(
                id,
                name,
                ownerTeam,
                purpose,
                status,
                connection,
                labels,
                createdAt,
                updatedAt == null ? createdAt : updatedAt,
                null,
                version);
    }
}
