package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.BackupEvents;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.backup.DrillComparison;
import dev.daap.domain.backup.TableCensus;
import dev.daap.domain.backup.TableCount;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.credential.PasswordGenerator;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.provisioning.ClusterUnreachableException;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.provisioning.ProvisioningException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The {@code backup_drill} job, a restore drill: restores the backup into a scratch database on the cluster it was
 * taken from ({@code daap_drill_<backup id>}, with a role of its own and a password nobody keeps), counts and hashes
 * every table there as the backup's census did, compares with what was recorded when it was taken, drops the scratch
 * database, and in one transaction records the outcome ({@code passed} sets {@code verified_at}) with its event. Each
 * step converges when repeated (the scratch database is made or found, a restore that committed is found, the drop
 * drops what is there), so a crash anywhere leaves the job to be taken again. A backup that cannot be restored fails
 * the drill with the reason; a cluster out of reach is waited for, as every job does.
 */
public final class DrillBackup implements JobHandler {
    private final Transactions transactions;
    private final Backups backups;
    private final JobQueue jobs;
    private final ClusterTargets targets;
    private final BackupRestorer restorer;
    private final TableCensus census;
    private final PasswordGenerator passwords;
    private final BackupEvents events;
    private final Clock clock;

    public DrillBackup(
            Transactions transactions,
            Backups backups,
            JobQueue jobs,
            ClusterTargets targets,
            BackupRestorer restorer,
            TableCensus census,
            PasswordGenerator passwords,
            BackupEvents events,
            Clock clock) {
        this.transactions = transactions;
        this.backups = backups;
        this.jobs = jobs;
        this.targets = targets;
        this.restorer = restorer;
        this.census = census;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Optional<Backup> drilling = transactions.inTransaction(() -> drilling(job));
        if (drilling.isEmpty()) {
            transactions.inTransaction(() -> {
                jobs.cancel(job.id(), job.leaseOwner(), "the backup is no longer waiting for a drill");
                return null;
            });
            return;
        }
        Backup backup = drilling.get();
        String whose = "the restore drill of backup " + backup.id();
        NameOnCluster scratch = scratchName(backup);
        DatabaseId scratchId = new DatabaseId(backup.id().value());
        Provisioner provisioner = targets.provisionerFor(backup.cluster(), whose);
        String found;
        try {
            String password = passwords.newPassword();
            provisioner.provision(scratchId, scratch, password);
            restorer.restoreInto(backup.cluster(), scratch, whose, backup.id(), password);
            List<TableCount> restored = census.count(targets.target(backup.cluster(), whose), scratch);
            found = DrillComparison.differences(backup.tables(), restored);
        } catch (ClusterUnreachableException e) {
            throw e; // not the backup's fault: the job waits for the cluster
        } catch (ProvisioningException e) {
            found = e.getMessage();
        }
        String failure = found;
        provisioner.deprovision(scratchId, scratch);
        String detail = failure != null
                ? failure
                : "restored into a scratch database on cluster "
                        + backup.cluster().name() + "; " + backup.tables().size()
                        + " tables counted and hashed as recorded when it was taken";
        transactions.inTransaction(() -> {
            record(job, failure == null, detail);
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    /** Where the drill restores: from the backup's id alone, so a repeat after a crash finds the same database. */
    static NameOnCluster scratchName(Backup backup) {
        return new NameOnCluster("daap_drill_" + backup.id().value().toString().replace("-", ""));
    }

    private Optional<Backup> drilling(Job job) {
        return backups.findByOperation(job.id())
                .filter(backup -> backup.isDrilling() && backup.status() == BackupStatus.READY);
    }

    private void record(Job job, boolean passed, String detail) {
        drilling(job).ifPresent(current -> {
            Backup drilled = current.drilled(passed, detail, clock.instant());
            backups.update(drilled, current.version());
            events.drilled(drilled);
        });
    }

    @Override
    public void giveUp(Job job, String reason) {
        record(job, false, "the drill gave up: " + reason);
    }
}
