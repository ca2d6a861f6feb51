package dev.daap.adapters.postgres.credential;

import static dev.daap.adapters.postgres.credential.CredentialCipherTest.randomKey;
import static dev.daap.adapters.postgres.generated.Tables.CREDENTIALS;
import static dev.daap.testing.DatabaseBuilder.aDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.adapters.postgres.generated.tables.records.CredentialsRecord;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.team.TeamSlug;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The vault on PostgreSQL 17, each test in its own rolled-back transaction. */
class JooqCredentialVaultTest {
    private static final String PASSWORD = "s3cret-Passw0rd-with-ünïcode";

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private final CredentialCipher cipher = new CredentialCipher(randomKey());
    private final JooqCredentialVault vault = new JooqCredentialVault(transaction::dsl, cipher);

    @Test
    void aStoredPasswordReadsBack() {
        DatabaseId id = aStoredDatabase(transaction.dsl());
        vault.store(id, PASSWORD);

        assertThat(vault.read(id)).contains(PASSWORD);
    }

    @Test
    void storingAgainReplacesThePassword() {
        DatabaseId id = aStoredDatabase(transaction.dsl());
        vault.store(id, PASSWORD);
        vault.store(id, "the-rotated-one");

        assertThat(vault.read(id)).contains("the-rotated-one");
        assertThat(transaction.dsl().fetchCount(CREDENTIALS, CREDENTIALS.DATABASE_ID.eq(id.value())))
                .isOne();
    }

    @Test
    void aRemovedPasswordIsGoneAndOthersStay() {
        DatabaseId removed = aStoredDatabase(transaction.dsl());
        DatabaseId kept = aStoredDatabase(transaction.dsl());
        vault.store(removed, PASSWORD);
        vault.store(kept, "kept");

        vault.remove(removed);

        assertThat(vault.read(removed)).isEmpty();
        assertThat(vault.read(kept)).contains("kept");
    }

    @Test
    void nothingStoredReadsAsEmptyAndRemovesQuietly() {
        DatabaseId id = aStoredDatabase(transaction.dsl());

        assertThat(vault.read(id)).isEmpty();
        vault.remove(id);
        assertThat(vault.read(id)).isEmpty();
    }

    @Test
    void theStoredRowHoldsCiphertextNotThePassword() {
        DatabaseId id = aStoredDatabase(transaction.dsl());
        vault.store(id, PASSWORD);

        CredentialsRecord row = row(id);
        byte[] password = PASSWORD.getBytes(StandardCharsets.UTF_8);
        assertThat(HexFormat.of().formatHex(row.getCiphertext()))
                .doesNotContain(HexFormat.of().formatHex(password));
        assertThat(new String(row.getCiphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
        assertThat(row.getCiphertext()).hasSize(password.length + 16);
        assertThat(row.getNonce()).hasSize(12);
        assertThat(row.getKeyId()).isEqualTo(cipher.keyId());
    }

    @Test
    void theSamePasswordTwiceGivesDifferentCiphertexts() {
        DatabaseId id = aStoredDatabase(transaction.dsl());
        vault.store(id, PASSWORD);
        CredentialsRecord first = row(id);
        vault.store(id, PASSWORD);
        CredentialsRecord second = row(id);

        assertThat(second.getNonce()).isNotEqualTo(first.getNonce());
        assertThat(second.getCiphertext()).isNotEqualTo(first.getCiphertext());
        assertThat(vault.read(id)).contains(PASSWORD);
    }

    @Test
    void aVaultWithAnotherKeyRefusesToReadAndSaysWhy() {
        DatabaseId id = aStoredDatabase(transaction.dsl());
        vault.store(id, PASSWORD);
        var otherCipher = new CredentialCipher(randomKey());
        var otherVault = new JooqCredentialVault(transaction::dsl, otherCipher);

        assertThatThrownBy(() -> otherVault.read(id))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be decrypted with the configured key")
                .hasMessageContaining("encrypted with key id " + cipher.keyId())
                .hasMessageContaining("has key id " + otherCipher.keyId())
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void aCiphertextMovedToAnotherDatabasesRowDoesNotDecrypt() {
        DatabaseId original = aStoredDatabase(transaction.dsl());
        DatabaseId target = aStoredDatabase(transaction.dsl());
        vault.store(original, PASSWORD);
        vault.store(target, "the-target-password");
        CredentialsRecord stolen = row(original);

        transaction
                .dsl()
                .update(CREDENTIALS)
                .set(CREDENTIALS.CIPHERTEXT, stolen.getCiphertext())
                .set(CREDENTIALS.NONCE, stolen.getNonce())
                .where(CREDENTIALS.DATABASE_ID.eq(target.value()))
                .execute();

        assertThatThrownBy(() -> vault.read(target))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the stored secret of database " + target + " cannot be decrypted");
        assertThat(vault.read(original)).contains(PASSWORD);
    }

    @Test
    void aPasswordForAnUnknownDatabaseIsRefusedByTheForeignKey() {
        DatabaseId unknown = new DatabaseId(UUID.randomUUID());

        assertThatThrownBy(() -> transaction.inSavepoint(() -> vault.store(unknown, PASSWORD)))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("credentials_database_fkey");
    }

    private CredentialsRecord row(DatabaseId id) {
        return transaction.dsl().fetchSingle(CREDENTIALS, CREDENTIALS.DATABASE_ID.eq(id.value()));
    }

    /**
     * A row in {@code databases}, which the credentials' foreign key needs, and its team; both are named uniquely,
     * so that parallel tests never wait on each other's uncommitted team.
     */
    static DatabaseId aStoredDatabase(DSLContext dsl) {
        TeamSlug team = new TeamSlug("vault-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        MigratedDatabase.teamsExist(dsl, team);
        Database database = aDatabase().ownedBy(team).build();
        new JooqDatabases(() -> dsl).add(database);
        return database.id();
    }
}
