package dev.daap.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.audit.ActorKind;
import dev.daap.domain.audit.AuditQuery;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.domain.error.NotAuthenticatedException;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.InMemoryApiKeys;
import dev.daap.testing.InMemoryAuditLog;
import dev.daap.testing.InMemoryRevisions;
import dev.daap.testing.TestClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Authentication and the first admin key, over the in-memory key store (held to the real one by its contract). */
class AccessUseCasesTest {
    private final TestClock clock = TestClock.at(Instant.parse("2026-11-25T12:00:00Z"));
    private final InMemoryApiKeys keys = new InMemoryApiKeys();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final UuidV7Generator ids = new UuidV7Generator(clock);
    private final Transactions direct = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    private final Authenticate authenticate = new Authenticate(keys, clock);
    private final BootstrapPlatformAdmin bootstrap = new BootstrapPlatformAdmin(
            direct, keys, new AuditTrail(auditLog, new InMemoryRevisions(), ids, clock), ids, clock);

    private final CreatePlatformAdminKeyFromCli fromCli = new CreatePlatformAdminKeyFromCli(
            direct, keys, new AuditTrail(auditLog, new InMemoryRevisions(), ids, clock), ids, clock);

    private String issue(Role role, Instant expiresAt) {
        ApiToken token = ApiToken.generate(new SecureRandom());
        keys.add(ApiKey.issue(ids.newId(), new TeamSlug("payments"), role, token, "", clock.instant(), expiresAt));
        return token.value();
    }

    @Test
    void aValidTokenActsAsItsKey() {
        String token = issue(Role.MEMBER, null);

        Principal principal = authenticate.execute(token);

        assertThat(principal.team()).isEqualTo(new TeamSlug("payments"));
        assertThat(principal.role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void refusalsSayWhetherATokenCameAtAll() {
        assertThat(catchThrowableOfType(NotAuthenticatedException.class, () -> authenticate.execute(null))
                        .credentialsPresented())
                .isFalse();
        assertThat(catchThrowableOfType(NotAuthenticatedException.class, () -> authenticate.execute("nope"))
                        .credentialsPresented())
                .isTrue();
    }

    @Test
    void unknownPrefixAndWrongSecretGetTheSameAnswer() {
        String token = issue(Role.VIEWER, null);
        // daap_<prefix>_ and another secret (a secret may hold underscores of its own: the prefix never does)
        String wrongSecret = token.substring(0, token.indexOf('_', "daap_".length()) + 1) + "x".repeat(43);

        String unknown = catchThrowableOfType(
                        NotAuthenticatedException.class, () -> authenticate.execute("daap_unknown_" + "x".repeat(43)))
                .getMessage();
        String wrong = catchThrowableOfType(NotAuthenticatedException.class, () -> authenticate.execute(wrongSecret))
                .getMessage();

        assertThat(wrong).isEqualTo(unknown);
    }

    @Test
    void revokedAndExpiredKeysAreRefused() {
        String revoked = issue(Role.ADMIN, null);
        keys.revoke(
                keys.findByPrefix(ApiToken.parse(revoked).prefix())
                        .orElseThrow()
                        .id(),
                clock.instant());
        String expiring = issue(Role.ADMIN, clock.instant().plus(Duration.ofHours(1)));
        assertThat(authenticate.execute(expiring).role()).isEqualTo(Role.ADMIN);

        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> authenticate.execute(revoked)).hasMessageContaining("revoked");
        assertThatThrownBy(() -> authenticate.execute(expiring)).hasMessageContaining("expired");
    }

    @Test
    void theFirstStartGeneratesOneAdminKeyAndLaterStartsDoNot() {
        String token = bootstrap.execute(Optional.empty()).orElseThrow();

        assertThat(authenticate.execute(token).isPlatformAdmin()).isTrue();
        assertThat(bootstrap.execute(Optional.empty())).isEmpty();
        assertThat(auditLog.list(AuditQuery.all(10)).items()).singleElement().satisfies(entry -> {
            assertThat(entry.actorKeyId()).isNull();
            assertThat(entry.actorKind()).isEqualTo(ActorKind.DAAP);
        });
    }

    @Test
    void aConfiguredTokenBecomesAnAdminKeyOnceAndAForeignPrefixIsRefused() {
        String configured = "daap_opsk_" + "a".repeat(40);

        assertThat(bootstrap.execute(Optional.of(configured))).isEmpty();
        assertThat(bootstrap.execute(Optional.of(configured))).isEmpty();
        assertThat(authenticate.execute(configured).isPlatformAdmin()).isTrue();
        assertThat(bootstrap.execute(Optional.empty()))
                .as("an admin key exists")
                .isEmpty();
        assertThatThrownBy(() -> bootstrap.execute(Optional.of("daap_opsk_" + "b".repeat(40))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to another API key");
    }

    @Test
    void theCommandLineMakesAWorkingAdminKeyEvenWhenOneExistsAndTheLogSaysItDidSo() {
        bootstrap.execute(Optional.empty()).orElseThrow(); // the generated key, say lost

        IssuedApiKey issued = fromCli.execute(CreateApiKeyCommand.forPlatform(null, "ops laptop", null));

        Principal principal = authenticate.execute(issued.token());
        assertThat(principal.isPlatformAdmin()).isTrue();
        assertThat(principal.keyId()).isEqualTo(issued.key().id());
        assertThat(issued.key().description()).isEqualTo("ops laptop");
        assertThat(auditLog.list(AuditQuery.all(10)).items()).first().satisfies(entry -> {
            assertThat(entry.actorKind()).isEqualTo(ActorKind.CLI);
            assertThat(entry.actorKeyId()).isNull();
            assertThat(entry.action()).isEqualTo("api_key.create");
            assertThat(entry.resourceId()).isEqualTo(issued.key().id().toString());
            assertThat(entry.after()).containsEntry("description", "ops laptop").doesNotContainKey("token_hash");
        });
    }
}
