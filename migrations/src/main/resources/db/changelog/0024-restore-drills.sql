--liquibase formatted sql

--changeset daap:0190-backups-tables
--comment: each table's rows and content checksum when the backup was taken (counted in pg_dump's snapshot), a JSON array of {table, rows, checksum}; NULL for backups taken before DAAP counted them. A restore drill compares a restored copy with it.
ALTER TABLE ${schema}.backups ADD COLUMN tables jsonb;
--rollback ALTER TABLE ${schema}.backups DROP COLUMN tables;

--changeset daap:0191-backups-verification
--comment: restore drills: when one last proved the backup restorable (verified_at), and the newest drill's outcome (pending while its job runs, then passed or failed with what it found)
ALTER TABLE ${schema}.backups
    ADD COLUMN verified_at timestamptz,
    ADD COLUMN verification_status text,
    ADD COLUMN verification_checked_at timestamptz,
    ADD COLUMN verification_detail text,
    ADD CONSTRAINT backups_verification_known CHECK (verification_status IN ('pending', 'passed', 'failed')),
    ADD CONSTRAINT backups_verification_ended CHECK (verification_status IS NULL
        OR (verification_status = 'pending') = (verification_checked_at IS NULL));
--rollback ALTER TABLE ${schema}.backups DROP COLUMN verification_detail, DROP COLUMN verification_checked_at, DROP COLUMN verification_status, DROP COLUMN verified_at;

--changeset daap:0192-jobs-kind-backup-drill
--comment: the restore drill's job (backup_drill), on top of daap:0186's kinds
ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known,
    ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge',
        'snapshot', 'snapshot_delete', 'snapshot_restore', 'backup', 'backup_delete', 'set_up_access', 'user_create',
        'user_delete', 'user_end_previous', 'users_rotate_after_move', 'backup_drill'));
--rollback ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known;
--rollback DELETE FROM ${schema}.jobs WHERE kind = 'backup_drill';
--rollback ALTER TABLE ${schema}.jobs ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge', 'snapshot', 'snapshot_delete', 'snapshot_restore', 'backup', 'backup_delete', 'set_up_access', 'user_create', 'user_delete', 'user_end_previous', 'users_rotate_after_move'));

--changeset daap:0193-events-backup-verification
--comment: the events of restore drills: backup.verified, backup.verification_failed; on top of the users' types (daap:0125)
ALTER TABLE ${schema}.events DROP CONSTRAINT events_type_known,
    ADD CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated',
        'database.deleted', 'credentials.rotated', 'cluster.health_changed', 'snapshot.created',
        'snapshot.status_changed', 'snapshot.deleted', 'snapshot.restore_started', 'backup.created',
        'backup.status_changed', 'user.created', 'user.status_changed', 'user.credentials_rotated',
        'user.previous_login_ended', 'backup.verified', 'backup.verification_failed'));
--rollback ALTER TABLE ${schema}.events DROP CONSTRAINT events_type_known;
--rollback DELETE FROM ${schema}.events WHERE type IN ('backup.verified', 'backup.verification_failed');
--rollback ALTER TABLE ${schema}.events ADD CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated', 'database.deleted', 'credentials.rotated', 'cluster.health_changed', 'snapshot.created', 'snapshot.status_changed', 'snapshot.deleted', 'snapshot.restore_started', 'backup.created', 'backup.status_changed', 'user.created', 'user.status_changed', 'user.credentials_rotated', 'user.previous_login_ended'));

--changeset daap:0194-periodic-runs-table
--comment: when each periodic task shared by all instances last ran (the restore drills' sample first): claiming a run is one upsert that only succeeds once the interval has passed, so one instance runs it
CREATE TABLE ${schema}.periodic_runs (
    task        text        NOT NULL,
    last_run_at timestamptz NOT NULL,
    CONSTRAINT periodic_runs_pkey PRIMARY KEY (task)
);
--rollback DROP TABLE ${schema}.periodic_runs;
