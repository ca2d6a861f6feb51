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
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Restores a backup into a provisioned database in one pass over the stored object, with nothing restored from a
 * damaged one: the object is read, counted and hashed, decrypted (each chunk authenticated, bound to the backup and
 * its position, before its bytes are handed on, and the last chunk marked, so a cut object fails too) and streamed
 * into {@code pg_restore}, which restores all of it in one transaction or nothing. The end of the stream reaches
 * {@code pg_restore} only after the whole object proved as long and as hashed as recorded; before that, any damage
 * throws, the tools kill {@code pg_restore} without ending its input, and its transaction ends with its connection.
 * Nothing of the backup is held in memory or on local disk. (It used to read the object twice, first to check it
 * whole: the chunks' tags make that pass redundant, and it cost a second read of every byte.)
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
        var target = targets.target(cluster, whose);
        try (InputStream plain = new CheckedObject(store.read(id.storeKey()), backup, cipher)) {
            tools.restore(target, database, password, backup.serverVersion(), plain);
        } catch (DamagedBackup e) {
            throw damaged(backup, e.getMessage());
        } catch (ProvisioningException e) {
            if (e.getCause() instanceof DamagedBackup damage) {
                throw damaged(backup, damage.getMessage());
            }
            throw e;
        } catch (IOException e) {
            throw new ProvisioningException("reading backup " + id + " failed: " + e.getMessage(), e);
        }
    }

    private static ProvisioningException damaged(Backup backup, String why) {
        return new ProvisioningException(
                "backup " + backup.id() + " cannot be restored, nothing was restored from" + " it: " + why);
    }

    /** The stored object failed a check: a chunk's tag, the last chunk's mark, its size or its SHA-256. */
    static final class DamagedBackup extends IOException {
        DamagedBackup(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The backup's plain bytes, read once from the store: its end is given only after the object's size and SHA-256
     * were checked against the record; every failure to read or check it is a {@link DamagedBackup}.
     */
    private static final class CheckedObject extends FilterInputStream {
        private final Backup backup;
        private final CountingInputStream counted;
        private final DigestInputStream digested;
        private boolean checked;

        CheckedObject(InputStream stored, Backup backup, BackupCipher cipher) throws IOException {
            this(new CountingInputStream(stored), backup, cipher);
        }

        private CheckedObject(CountingInputStream counted, Backup backup, BackupCipher cipher) throws IOException {
            this(counted, new DigestInputStream(counted, sha256()), backup, cipher);
        }

        private CheckedObject(
                CountingInputStream counted, DigestInputStream digested, Backup backup, BackupCipher cipher)
                throws IOException {
            super(cipher.decrypting(digested, backup.id()));
            this.backup = backup;
            this.counted = counted;
            this.digested = digested;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(bytes, offset, length);
            } catch (IOException e) {
                throw new DamagedBackup(e.getMessage(), e);
            }
            if (n < 0 && !checked) {
                checkWhole();
                checked = true;
            }
            return n;
        }

        /** Reads what the decryption left of the object (nothing, when it is as written) and compares. */
        private void checkWhole() throws DamagedBackup {
            try {
                digested.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new DamagedBackup(e.getMessage(), e);
            }
            String digest = HexFormat.of().formatHex(digested.getMessageDigest().digest());
            if (counted.count != backup.sizeBytes() || !digest.equals(backup.sha256())) {
                throw new DamagedBackup(
                        "the store holds " + counted.count + " bytes with SHA-256 " + digest + ", not the "
                                + backup.sizeBytes() + " bytes with SHA-256 " + backup.sha256()
                                + " recorded when it was taken",
                        null);
            }
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
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
