package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupCipher;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.backup.BackupStore;
import dev.daap.domain.backup.BackupTools;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.ProvisioningException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Restores a backup into a provisioned database, in two passes over the stored object so that nothing is restored
 * from a damaged one: first it is read whole and checked (its size and SHA-256 against the record, and every chunk's
 * tag), then read again, decrypted (each chunk authenticated again before it is handed on) and streamed into
 * {@code pg_restore}, which restores all of it in one transaction or nothing. Neither pass holds the backup in
 * memory or on local disk.
 */
public final class BackupRestorer {
    private final Backups backups;
    private final BackupStore store;
    private final BackupCipher cipher;
    private final BackupTools tools;
    private final ClusterTargets targets;

    public BackupRestorer(
            Backups backups, BackupStore store, BackupCipher cipher, BackupTools tools, ClusterTargets targets) {
        this.backups = backups;
        this.store = store;
        this.cipher = cipher;
        this.tools = tools;
        this.targets = targets;
    }

    /** Into {@code target}'s database, as its role with {@code password}; throws {@code ProvisioningException}. */
    public void restore(Database target, BackupId id, String password) {
        restoreInto(target.cluster(), target.nameOnCluster(), "database " + target.id(), id, password);
    }

    /**
     * Into the database {@code database} of {@code cluster} (its role named as it, with {@code password}); {@code
     * whose} names it in failure reasons. Throws {@code ProvisioningException}.
     */
    public void restoreInto(ClusterRef cluster, NameOnCluster database, String whose, BackupId id, String password) {
        Backup backup = backups.find(id)
                .filter(found -> found.isLive() && found.status() == BackupStatus.READY)
                .orElseThrow(() -> new ProvisioningException("backup " + id + " was deleted before it was restored"));
        verify(backup);
        var target = targets.target(cluster, whose);
        try (InputStream plain = cipher.decrypting(store.read(id.storeKey()), id)) {
            tools.restore(target, database, password, backup.serverVersion(), plain);
        } catch (IOException e) {
            throw new ProvisioningException("reading backup " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Reads the object whole: it must be as long and hash as recorded, and every chunk must authenticate. */
    private void verify(Backup backup) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        long size;
        try (var counted = new CountingInputStream(store.read(backup.id().storeKey()));
                var digested = new DigestInputStream(counted, sha256);
                InputStream plain = cipher.decrypting(digested, backup.id())) {
            plain.transferTo(OutputStream.nullOutputStream());
            size = counted.count;
        } catch (IOException e) {
            throw damaged(backup, e.getMessage());
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        if (size != backup.sizeBytes() || !digest.equals(backup.sha256())) {
            throw damaged(
                    backup,
                    "the store holds " + size + " bytes with SHA-256 " + digest + ", not the " + backup.sizeBytes()
                            + " bytes with SHA-256 " + backup.sha256() + " recorded when it was taken");
        }
    }

    private static ProvisioningException damaged(Backup backup, String why) {
        return new ProvisioningException(
                "backup " + backup.id() + " cannot be restored, nothing was restored from" + " it: " + why);
    }

    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = in.read(bytes, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
