package dev.daap.application.audit;

import static dev.daap.testing.DatabaseBuilder.aDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.audit.AuditEvent;
import dev.daap.domain.audit.AuditQuery;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.InMemoryAuditLog;
import dev.daap.testing.InMemoryRevisions;
import dev.daap.testing.TestClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What each kind of change writes to the audit log. Clients filter the log by action and resource type, so these
 * strings are part of the API: every entry is pinned here field by field.
 */
class AuditTrailTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final TeamSlug CHECKOUT = new TeamSlug("checkout");

    private final TestClock clock = TestClock.at(NOW);
    private final InMemoryAuditLog log = new InMemoryAuditLog();
    private final InMemoryRevisions revisions = new InMemoryRevisions();
    private final AuditTrail audit = new AuditTrail(log, revisions, new UuidV7Generator(clock), clock);
    private final Principal actor = new Principal(UUID.randomUUID(), CHECKOUT, Role.ADMIN);
    private final Caller caller = new Caller(actor, "req-7", "10.0.0.7");
    private final Database pending =
            aDatabase().named("orders").ownedBy(CHECKOUT).createdAt(NOW).build();

    @Test
    void databaseChangesAreEntriesOfTheDatabaseForItsOwnerTeam() {
        Database ready = pending.startProvisioning(NOW)
                .provisioned(new ConnectionDetails("db.test", 5432, "orders", "orders"), NOW);
        Database deleting = ready.startDeleting(UUID.randomUUID(), NOW);
        Database failed = pending.failed("refused", NOW);
        Database retried = failed.retry(UUID.randomUUID(), NOW);

        audit.databaseCreated(caller, pending);
        assertEntry("database.create", "database", pending.id().toString(), CHECKOUT, Map.of(), snapshot(pending));
        audit.databaseUpdated(caller, pending, retried);
        assertEntry(
                "database.update", "database", pending.id().toString(), CHECKOUT, snapshot(pending), snapshot(retried));
        audit.databaseDeleted(caller, ready, deleting);
        assertEntry(
                "database.delete", "database", ready.id().toString(), CHECKOUT, snapshot(ready), snapshot(deleting));
        audit.databaseRetried(caller, failed, retried);
        assertEntry(
                "database.retry", "database", failed.id().toString(), CHECKOUT, snapshot(failed), snapshot(retried));
        audit.credentialsRead(caller, ready);
        assertEntry(
                "credentials.read",
                "database",
                ready.id().toString(),
                CHECKOUT,
                Map.of(),
                Map.of("username", "orders"));
        audit.credentialsRotated(caller, ready);
        assertEntry(
                "credentials.rotate",
                "database",
                ready.id().toString(),
                CHECKOUT,
                Map.of(),
                Map.of("username", "orders"));
    }

    @Test
    void anUpdateThatMovesTheDatabaseBelongsToTheTeamThatOwnedItBefore() {
        Database moved = aDatabase()
                .withId(pending.id())
                .named("orders")
                .ownedBy("payments")
                .createdAt(NOW)
                .version(2)
                .build();

        audit.databaseUpdated(caller, pending, moved);

        assertThat(newest().team()).isEqualTo(CHECKOUT);
        assertThat(newest().after()).containsEntry("owner_team", "payments");
    }

    @Test
    void teamsAndKeysAreEntriesOfTheirOwn() {
        Team team = new Team(CHECKOUT, "Checkout", NOW);
        ApiKey key = ApiKey.issue(
                UUID.randomUUID(), CHECKOUT, Role.MEMBER, ApiToken.generate(new SecureRandom()), "ci", NOW, null);
        ApiKey revoked = key.revoked(NOW);
        ApiKey platformKey = ApiKey.issue(
                UUID.randomUUID(), null, Role.PLATFORM_ADMIN, ApiToken.generate(new SecureRandom()), "ops", NOW, null);

        audit.teamCreated(caller, team);
        assertEntry("team.create", "team", "checkout", CHECKOUT, Map.of(), AuditSnapshots.of(team));
        audit.apiKeyCreated(caller, key);
        assertEntry("api_key.create", "api_key", key.id().toString(), CHECKOUT, Map.of(), AuditSnapshots.of(key));
        audit.apiKeyRevoked(caller, key, revoked);
        assertEntry(
                "api_key.revoke",
                "api_key",
                key.id().toString(),
                CHECKOUT,
                AuditSnapshots.of(key),
                AuditSnapshots.of(revoked));
        audit.apiKeyCreated(caller, platformKey);
        assertEntry(
                "api_key.create",
                "api_key",
                platformKey.id().toString(),
                null,
                Map.of(),
                AuditSnapshots.of(platformKey));
    }

    @Test
    void aKeyDaapIssuedByItselfHasNoActorRequestOrAddress() {
        ApiKey generated = ApiKey.issue(
                UUID.randomUUID(),
                null,
                Role.PLATFORM_ADMIN,
                ApiToken.generate(new SecureRandom()),
                "generated at first start",
                NOW,
                null);

        audit.apiKeyCreatedBySystem(generated);

        AuditEvent entry = newest();
        assertThat(entry.actorKeyId()).isNull();
        assertThat(entry.actorTeam()).isNull();
        assertThat(entry.action()).isEqualTo("api_key.create");
        assertThat(entry.resourceType()).isEqualTo("api_key");
        assertThat(entry.resourceId()).isEqualTo(generated.id().toString());
        assertThat(entry.team()).isNull();
        assertThat(entry.requestId()).isEmpty();
        assertThat(entry.clientAddress()).isEmpty();
        assertThat(entry.before()).isEmpty();
        assertThat(entry.after()).isEqualTo(AuditSnapshots.of(generated));
        assertThat(entry.occurredAt()).isEqualTo(NOW);
    }

    private void assertEntry(
            String action,
            String resourceType,
            String resourceId,
            TeamSlug team,
            Map<String, Object> before,
            Map<String, Object> after) {
        AuditEvent entry = newest();
        assertThat(entry.action()).isEqualTo(action);
        assertThat(entry.resourceType()).as(action).isEqualTo(resourceType);
        assertThat(entry.resourceId()).as(action).isEqualTo(resourceId);
        assertThat(entry.team()).as(action).isEqualTo(team);
        assertThat(entry.actorKeyId()).as(action).isEqualTo(actor.keyId());
        assertThat(entry.actorTeam()).as(action).isEqualTo(CHECKOUT);
        assertThat(entry.requestId()).as(action).isEqualTo("req-7");
        assertThat(entry.clientAddress()).as(action).isEqualTo("10.0.0.7");
        assertThat(entry.before()).as(action).isEqualTo(before);
        assertThat(entry.after()).as(action).isEqualTo(after);
        assertThat(entry.occurredAt()).as(action).isEqualTo(NOW);
    }

    private AuditEvent newest() {
        return log.list(AuditQuery.all(1)).items().getFirst();
    }

    private static Map<String, Object> snapshot(Database database) {
        return AuditSnapshots.of(database);
    }
}
