package dev.daap.adapters.postgres.cluster;

import static dev.daap.adapters.postgres.generated.Tables.CLUSTER_SECRETS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterSecrets;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.jooq.impl.DSL;

/**
 * The {@link ClusterSecrets} port on PostgreSQL: admin URLs are encrypted by the {@link CredentialCipher} of the
 * passwords, bound to their cluster's id, before they reach SQL.
 */
public final class JooqClusterSecrets implements ClusterSecrets {
    private final JooqSession session;
    private final CredentialCipher cipher;

    public JooqClusterSecrets(JooqSession session, CredentialCipher cipher) {
        this.session = Objects.requireNonNull(session, "session");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public void store(ClusterId id, AdminUrl adminUrl) {
        var sealed = cipher.encryptClusterSecret(id, adminUrl.secretText().getBytes(StandardCharsets.UTF_8));
        session.dsl()
                .insertInto(CLUSTER_SECRETS)
                .set(CLUSTER_SECRETS.CLUSTER_ID, id.value())
                .set(CLUSTER_SECRETS.CIPHERTEXT, sealed.ciphertext())
                .set(CLUSTER_SECRETS.NONCE, sealed.nonce())
                .set(CLUSTER_SECRETS.KEY_ID, cipher.keyId())
                .onConflict(CLUSTER_SECRETS.CLUSTER_ID)
                .doUpdate()
                .set(CLUSTER_SECRETS.CIPHERTEXT, DSL.excluded(CLUSTER_SECRETS.CIPHERTEXT))
                .set(CLUSTER_SECRETS.NONCE, DSL.excluded(CLUSTER_SECRETS.NONCE))
                .set(CLUSTER_SECRETS.KEY_ID, DSL.excluded(CLUSTER_SECRETS.KEY_ID))
                .set(CLUSTER_SECRETS.UPDATED_AT, DSL.currentInstant())
                .execute();
    }

    @Override
    public Optional<AdminUrl> find(ClusterId id) {
        return session.dsl()
                .selectFrom(CLUSTER_SECRETS)
                .where(CLUSTER_SECRETS.CLUSTER_ID.eq(id.value()))
                .fetchOptional()
                .map(row -> {
                    if (!cipher.keyId().equals(row.getKeyId())) {
                        throw new IllegalStateException("the admin URL of cluster " + id + " was encrypted with key"
                                + " id " + row.getKeyId() + ", the configured key has key id " + cipher.keyId());
                    }
                    byte[] plain = cipher.decryptClusterSecret(
                            id, new CredentialCipher.Sealed(row.getCiphertext(), row.getNonce()));
                    return AdminUrl.parse(new String(plain, StandardCharsets.UTF_8));
                });
    }

    @Override
    public void remove(ClusterId id) {
        session.dsl()
                .deleteFrom(CLUSTER_SECRETS)
                .where(CLUSTER_SECRETS.CLUSTER_ID.eq(id.value()))
                .execute();
    }
}
