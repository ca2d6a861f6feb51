--liquibase formatted sql

--changeset daap:0100-backups-table
--comment: backups: databases dumped off their cluster into the backup store (one encrypted object per backup, named by its id). No foreign key to databases' cluster: a backup outlives its database and cluster, so it keeps their names. Soft delete: the row stays for the record.
CREATE TABLE ${schema}.backups (
    id                 uuid        NOT NULL,
    database_id        uuid        NOT NULL,
    owner_team         text        NOT NULL,
    cluster_id         uuid        NOT NULL,
    cluster_name       text        NOT NULL,
    status             text        NOT NULL,
    server_version     text,
    size_bytes         bigint,
    sha256             text,
    operation_id       uuid        NOT NULL,
    failure_reason     text,
    created_at         timestamptz NOT NULL,
    finished_at        timestamptz,
    updated_at         timestamptz NOT NULL,
    deleted_at         timestamptz,
    version            bigint      NOT NULL DEFAULT 1,
    CONSTRAINT backups_pkey PRIMARY KEY (id),
    CONSTRAINT backups_database_fkey FOREIGN KEY (database_id) REFERENCES ${schema}.databases (id),
    CONSTRAINT backups_status_known CHECK (status IN ('creating', 'ready', 'failed', 'deleting', 'deleted')),
    CONSTRAINT backups_deleted_status CHECK ((deleted_at IS NOT NULL) = (status = 'deleted')),
    CONSTRAINT backups_ready_measured CHECK (status <> 'ready' OR (size_bytes IS NOT NULL AND sha256 IS NOT NULL)),
    CONSTRAINT backups_sha256_hex CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT backups_size_range CHECK (size_bytes >= 0),
    CONSTRAINT backups_version_positive CHECK (version >= 1),
    CONSTRAINT backups_updated_after_created CHECK (updated_at >= created_at)
);
CREATE INDEX backups_live_database_idx ON ${schema}.backups (database_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX backups_operation_key ON ${schema}.backups (operation_id);
--rollback DROP TABLE ${schema}.backups;

--changeset daap:0101-jobs-backup-kinds
--comment: the jobs of backups: take one, remove one; on top of the snapshots' kinds (daap:0062)
ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known,
    ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge',
        'snapshot', 'snapshot_delete', 'snapshot_restore', 'backup', 'backup_delete'));
--rollback ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known;
--rollback DELETE FROM ${schema}.jobs WHERE kind IN ('backup', 'backup_delete');
--rollback ALTER TABLE ${schema}.jobs ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge', 'snapshot', 'snapshot_delete', 'snapshot_restore'));

--changeset daap:0102-events-backup-types
--comment: the events of backups; on top of the snapshots' types (daap:0063)
ALTER TABLE ${schema}.events DROP CONSTRAINT events_type_known,
    ADD CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated',
        'database.deleted', 'credentials.rotated', 'cluster.health_changed', 'snapshot.created',
        'snapshot.status_changed', 'snapshot.deleted', 'snapshot.restore_started', 'backup.created',
        'backup.status_changed'));
--rollback ALTER TABLE ${schema}.events DROP CONSTRAINT events_type_known;
--rollback DELETE FROM ${schema}.events WHERE type LIKE 'backup.%';
--rollback ALTER TABLE ${schema}.events ADD CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated', 'database.deleted', 'credentials.rotated', 'cluster.health_changed', 'snapshot.created', 'snapshot.status_changed', 'snapshot.deleted', 'snapshot.restore_started'));

--changeset daap:0103-backup-restores-table
--comment: which backup a new database starts with (POST /v1/databases with source.backup_id); read by its provision job
CREATE TABLE ${schema}.backup_restores (
    database_id uuid NOT NULL,
    backup_id   uuid NOT NULL,
    CONSTRAINT backup_restores_pkey PRIMARY KEY (database_id),
    CONSTRAINT backup_restores_database_fkey FOREIGN KEY (database_id) REFERENCES ${schema}.databases (id),
    CONSTRAINT backup_restores_backup_fkey FOREIGN KEY (backup_id) REFERENCES ${schema}.backups (id)
);
CREATE INDEX backup_restores_backup_idx ON ${schema}.backup_restores (backup_id);
--rollback DROP TABLE ${schema}.backup_restores;
