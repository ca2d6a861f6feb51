package dev.daap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.audit.ActorKind;
import dev.daap.domain.audit.AuditEvent;
import dev.daap.domain.audit.AuditLog;
import dev.daap.domain.audit.AuditQuery;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Page;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.domain.team.TeamSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The rules every implementation of the {@link AuditLog} port keeps; the in-memory fake and the PostgreSQL log both
 * extend this class. The log cannot be emptied, and a list without filters reads all of it, so each test expects to
 * start from an empty log: a new fake, or a rolled-back transaction on a schema that no test commits entries to.
 * Entries are a second apart, with UUID v7 ids made from the same clock, as in production.
 */
public abstract class AuditLogContract {
    private static final Instant T0 = Instant.parse("2026-11-25T14:00:00.123456Z");

    private final String run =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final TeamSlug team = new TeamSlug("audit-" + run);
    private final TeamSlug otherTeam = new TeamSlug("other-" + run);
    private final UUID actor = UUID.randomUUID();
    private final TestClock clock = TestClock.at(T0);
    private final IdGenerator ids = new UuidV7Generator(clock);

    /** The log under test, ready to use and empty. */
    protected abstract AuditLog log();

    /** Runs {@code work} in its own (nested) transaction; the default suits stores without transactions. */
    protected void inTransaction(Runnable work) {
        work.run();
    }

    @Test
    void anAppendedEventIsListedWithEveryField() {
        Map<String, Object> after = new HashMap<>(Map.of(
                "name",
                "orders",
                "labels",
                Map.of("env", "prod"),
                "port",
                5432L,
                "ratio",
                0.25,
                "ready",
                true,
                "tags",
                List.of("a", "b")));
        after.put("failure_reason", null);
        AuditEvent event = new AuditEvent(
                ids.newId(),
                T0,
                actor,
                team,
                "database.update",
                "database",
                "db-1",
                team,
                "req-7f3a",
                "203.0.113.9",
                Map.of("name", "orders", "ready", false),
                after);

        log().append(event);

        assertThat(log().list(AuditQuery.all(10)).items()).containsExactly(event);
    }

    @Test
    void entriesWithoutAKeySayWhetherDaapOrTheCommandLineActed() {
        AuditEvent byDaap = append(withoutKey(ActorKind.DAAP, "key-1"));
        AuditEvent byCommandLine = append(withoutKey(ActorKind.CLI, "key-2"));

        assertThat(log().list(AuditQuery.all(10)).items()).containsExactly(byCommandLine, byDaap);
    }

    @Test
    void snapshotsComeBackAsJsonReadsThem() {
        AuditEvent event = append(withAfter(
                anEvent("database.create"),
                Map.of(
                        "port",
                        5432,
                        "small",
                        (short) 7,
                        "ratio",
                        0.5f,
                        "sizes",
                        List.of(1, 2),
                        "nested",
                        Map.of("n", 3))));

        assertThat(log().list(AuditQuery.all(10)).items()).singleElement().satisfies(read -> {
            assertThat(read.id()).isEqualTo(event.id());
            assertThat(read.after())
                    .isEqualTo(Map.of(
                            "port",
                            5432L,
                            "small",
                            7L,
                            "ratio",
                            0.5,
                            "sizes",
                            List.of(1L, 2L),
                            "nested",
                            Map.of("n", 3L)));
        });
    }

    @Test
    void aSnapshotValueThatIsNotJsonLikeIsRefusedAndNothingIsStored() {
        AuditEvent withInstant = withAfter(anEvent("database.create"), Map.of("labels", Map.of("at", T0)));
        AuditEvent withNaN = withAfter(anEvent("database.create"), Map.of("ratio", Double.NaN));

        assertThatThrownBy(() -> inTransaction(() -> log().append(withInstant)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after.labels.at");
        assertThatThrownBy(() -> inTransaction(() -> log().append(withNaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after.ratio");
        assertThat(log().list(AuditQuery.all(10)).items()).isEmpty();
    }

    @Test
    void anEventOfDaapItselfOnAPlatformResourceHasNoActorAndNoTeam() {
        AuditEvent bootstrap = append(new AuditEvent(
                ids.newId(),
                T0,
                null,
                null,
                "api_key.create",
                "api_key",
                "key-" + run,
                null,
                null,
                null,
                null,
                Map.of("role", "platform_admin")));

        assertThat(log().list(AuditQuery.all(10)).items()).containsExactly(bootstrap);
        assertThat(bootstrap.requestId()).isEmpty();
        assertThat(log().list(AuditQuery.all(10).withTeam(team)).items()).isEmpty();
    }

    @Test
    void theListIsNewestFirstWhateverTheOrderOfAppends() {
        AuditEvent first = anEvent("database.create");
        AuditEvent second = anEvent("database.update");
        AuditEvent third = anEvent("database.delete");
        append(second);
        append(third);
        append(first);

        assertThat(log().list(AuditQuery.all(10)).items()).containsExactly(third, second, first);
    }

    @Test
    void theTeamFilterMatchesTheResourcesTeam() {
        AuditEvent mine = append(anEvent("database.create"));
        append(inTeam(anEvent("database.create"), otherTeam));
        append(inTeam(anEvent("team.create"), null));

        assertThat(list(new AuditQuery(Optional.of(team), null, null, null, null, null, null, 10, null)))
                .containsExactly(mine);
    }

    @Test
    void theResourceFilterMatchesTheTypeAndTheId() {
        AuditEvent created = append(anEvent("database.create", "database", "db-1"));
        append(anEvent("database.create", "database", "db-2"));
        AuditEvent rotated = append(anEvent("credentials.rotate", "credentials", "db-1"));
        AuditEvent deleted = append(anEvent("database.delete", "database", "db-1"));

        assertThat(list(new AuditQuery(
                        null, Optional.of("database"), Optional.of("db-1"), null, null, null, null, 10, null)))
                .containsExactly(deleted, created);
        assertThat(list(new AuditQuery(null, Optional.of("credentials"), null, null, null, null, null, 10, null)))
                .containsExactly(rotated);
        assertThat(list(new AuditQuery(null, null, Optional.of("db-1"), null, null, null, null, 10, null)))
                .containsExactly(deleted, rotated, created);
    }

    @Test
    void theActorFilterMatchesTheActingKey() {
        AuditEvent mine = append(anEvent("database.create"));
        UUID someoneElse = UUID.randomUUID();
        append(byActor(anEvent("database.create"), someoneElse));
        append(byActor(anEvent("database.create"), null));

        assertThat(list(new AuditQuery(null, null, null, Optional.of(actor), null, null, null, 10, null)))
                .containsExactly(mine);
    }

    @Test
    void theActionFilterMatchesTheAction() {
        AuditEvent revoke = append(anEvent("api_key.revoke"));
        append(anEvent("api_key.create"));

        assertThat(list(new AuditQuery(null, null, null, null, Optional.of("api_key.revoke"), null, null, 10, null)))
                .containsExactly(revoke);
    }

    @Test
    void filtersCombine() {
        AuditEvent match = append(anEvent("database.delete"));
        append(anEvent("database.create"));
        append(inTeam(anEvent("database.delete"), otherTeam));

        assertThat(list(new AuditQuery(
                        Optional.of(team), null, null, null, Optional.of("database.delete"), null, null, 10, null)))
                .containsExactly(match);
    }

    @Test
    void theTimeRangeIncludesItsStartAndExcludesItsEnd() {
        AuditEvent before = append(anEvent("database.create"));
        AuditEvent start = append(anEvent("database.update"));
        AuditEvent inside = append(anEvent("database.update"));
        AuditEvent end = append(anEvent("database.delete"));

        assertThat(list(new AuditQuery(
                        null,
                        null,
                        null,
                        null,
                        null,
                        Optional.of(start.occurredAt()),
                        Optional.of(end.occurredAt()),
                        10,
                        null)))
                .containsExactly(inside, start);
        assertThat(list(new AuditQuery(null, null, null, null, null, Optional.of(end.occurredAt()), null, 10, null)))
                .containsExactly(end);
        assertThat(list(new AuditQuery(null, null, null, null, null, null, Optional.of(start.occurredAt()), 10, null)))
                .containsExactly(before);
    }

    @Test
    void pagesCoverEveryEventExactlyOnceNewestFirst() {
        List<AuditEvent> appended = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            appended.add(append(anEvent("database.update")));
        }

        List<Page<AuditEvent>> pages = pages(AuditQuery.all(3));

        assertThat(pages).extracting(page -> page.items().size()).containsExactly(3, 3, 1);
        assertThat(pages.subList(0, 2))
                .allSatisfy(page -> assertThat(page.next()).isPresent());
        assertThat(pages.getLast().next()).isEmpty();
        assertThat(pages.stream().flatMap(page -> page.items().stream()).toList())
                .containsExactlyElementsOf(appended.reversed());
    }

    @Test
    void aPageThatEndsExactlyAtTheLastEventHasNoNextToken() {
        append(anEvent("database.create"));
        append(anEvent("database.update"));

        Page<AuditEvent> only = log().list(AuditQuery.all(2));

        assertThat(only.items()).hasSize(2);
        assertThat(only.next()).isEmpty();
    }

    @Test
    void eventsAppendedWhilePagingDoNotShiftTheNextPage() {
        AuditEvent oldest = append(anEvent("database.create"));
        AuditEvent middle = append(anEvent("database.update"));
        AuditEvent newest = append(anEvent("database.update"));
        Page<AuditEvent> first = log().list(AuditQuery.all(2));
        assertThat(first.items()).containsExactly(newest, middle);

        AuditEvent appendedLater = append(anEvent("database.delete"));
        Page<AuditEvent> second = log().list(AuditQuery.all(2)
                .withBefore(AuditQuery.positionOf(first.next().orElseThrow())));

        assertThat(second.items()).containsExactly(oldest);
        assertThat(second.next()).isEmpty();
        assertThat(log().list(AuditQuery.all(2)).items()).containsExactly(appendedLater, newest);
    }

    @Test
    void pagingWithAFilterFollowsOnlyTheMatchingEvents() {
        List<AuditEvent> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(append(anEvent("database.update")));
            append(inTeam(anEvent("database.update"), otherTeam));
        }

        List<Page<AuditEvent>> pages = pages(AuditQuery.all(2).withTeam(team));

        assertThat(pages).extracting(page -> page.items().size()).containsExactly(2, 2, 1);
        assertThat(pages.stream().flatMap(page -> page.items().stream()).toList())
                .containsExactlyElementsOf(mine.reversed());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** An event of this test's actor on a database of this test's team, a second after the previous one. */
    private AuditEvent anEvent(String action) {
        return anEvent(action, "database", "db-" + run);
    }

    private AuditEvent anEvent(String action, String resourceType, String resourceId) {
        clock.advance(Duration.ofSeconds(1));
        return new AuditEvent(
                ids.newId(),
                clock.instant(),
                actor,
                team,
                action,
                resourceType,
                resourceId,
                team,
                "req-" + run,
                "198.51.100.4",
                Map.of(),
                Map.of("status", "pending"));
    }

    private AuditEvent withoutKey(ActorKind kind, String keyId) {
        clock.advance(Duration.ofSeconds(1));
        return new AuditEvent(
                ids.newId(),
                clock.instant(),
                null,
                null,
                kind,
                "api_key.create",
                "api_key",
                keyId + "-" + run,
                null,
                "",
                "",
                Map.of(),
                Map.of("role", "platform_admin"));
    }

    private static AuditEvent withAfter(AuditEvent e, Map<String, Object> after) {
        return new AuditEvent(
                e.id(),
                e.occurredAt(),
                e.actorKeyId(),
                e.actorTeam(),
                e.action(),
                e.resourceType(),
                e.resourceId(),
                e.team(),
                e.requestId(),
                e.clientAddress(),
                e.before(),
                after);
    }

    private static AuditEvent inTeam(AuditEvent e, TeamSlug team) {
        return new AuditEvent(
                e.id(),
                e.occurredAt(),
                e.actorKeyId(),
                e.actorTeam(),
                e.action(),
                e.resourceType(),
                e.resourceId(),
                team,
                e.requestId(),
                e.clientAddress(),
                e.before(),
                e.after());
    }

    private static AuditEvent byActor(AuditEvent e, UUID actorKeyId) {
        return new AuditEvent(
                e.id(),
                e.occurredAt(),
                actorKeyId,
                e.actorTeam(),
                e.action(),
                e.resourceType(),
                e.resourceId(),
                e.team(),
                e.requestId(),
                e.clientAddress(),
                e.before(),
                e.after());
    }

    private AuditEvent append(AuditEvent event) {
        log().append(event);
        return event;
    }

    private List<AuditEvent> list(AuditQuery query) {
        return pages(query).stream().flatMap(page -> page.items().stream()).toList();
    }

    /** Follows next tokens from the first page to the last. */
    private List<Page<AuditEvent>> pages(AuditQuery query) {
        List<Page<AuditEvent>> pages = new ArrayList<>();
        Page<AuditEvent> page = log().list(query);
        pages.add(page);
        while (page.next().isPresent() && pages.size() < 100) {
            page = log().list(query.withBefore(AuditQuery.positionOf(page.next().get())));
            pages.add(page);
        }
        return pages;
    }
}
