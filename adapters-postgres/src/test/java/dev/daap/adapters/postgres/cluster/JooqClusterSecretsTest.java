package dev.daap.adapters.postgres.cluster;

import static dev.daap.adapters.postgres.generated.Tables.CLUSTER_SECRETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterRef;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Admin URLs at rest: encrypted, bound to their cluster, readable with the key only. */
class JooqClusterSecretsTest {
    private static final AdminUrl URL = AdminUrl.parse("postgres://admin:Sup3r-S3cret@pg-1.internal:5432/postgres");
    private final byte[] key = new byte[32];

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    private JooqClusterSecrets secrets;

    @BeforeEach
    void begin() {
        Arrays.fill(key, (byte) 7);
        secrets = new JooqClusterSecrets(transaction::dsl, new CredentialCipher(key));
    }

    @Test
    void anAdminUrlIsStoredEncryptedAndReadBack() {
        ClusterId id = cluster();

        secrets.store(id, URL);

        assertThat(secrets.find(id)).contains(URL);
        byte[] stored = transaction
                .dsl()
                .select(CLUSTER_SECRETS.CIPHERTEXT)
                .from(CLUSTER_SECRETS)
                .where(CLUSTER_SECRETS.CLUSTER_ID.eq(id.value()))
                .fetchSingle()
                .value1();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Sup3r-S3cret", "admin");
    }

    @Test
    void aReplacedUrlWinsAndARemovedOneIsGone() {
        ClusterId id = cluster();
        secrets.store(id, URL);
        AdminUrl replaced = AdminUrl.parse("postgres://admin:other@pg-2.internal:5432/postgres");

        secrets.store(id, replaced);
        assertThat(secrets.find(id)).contains(replaced);

        secrets.remove(id);
        assertThat(secrets.find(id)).isEmpty();
    }

    @Test
    void aCiphertextCopiedToAnotherClusterDoesNotDecrypt() {
        ClusterId first = cluster();
        ClusterId second = cluster();
        secrets.store(first, URL);
        secrets.store(second, AdminUrl.parse("postgres://admin:x@pg-9:5432/postgres"));
        transaction
                .dsl()
                .update(CLUSTER_SECRETS)
                .set(
                        CLUSTER_SECRETS.CIPHERTEXT,
                        transaction
                                .dsl()
                                .select(CLUSTER_SECRETS.CIPHERTEXT)
                                .from(CLUSTER_SECRETS)
                                .where(CLUSTER_SECRETS.CLUSTER_ID.eq(first.value()))
                                .<byte[]>asField())
                .set(
                        CLUSTER_SECRETS.NONCE,
                        transaction
                                .dsl()
                                .select(CLUSTER_SECRETS.NONCE)
                                .from(CLUSTER_SECRETS)
                                .where(CLUSTER_SECRETS.CLUSTER_ID.eq(first.value()))
                                .<byte[]>asField())
                .where(CLUSTER_SECRETS.CLUSTER_ID.eq(second.value()))
                .execute();

        assertThatThrownBy(() -> secrets.find(second))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cluster " + second)
                .hasMessageNotContaining("Sup3r-S3cret");
    }

    private ClusterId cluster() {
        ClusterId id = new ClusterId(UUID.randomUUID());
        MigratedDatabase.clustersExist(
                transaction.dsl(),
                new ClusterRef(id, new ClusterName("c-" + id.value().toString().substring(0, 8))));
        return id;
    }
}
