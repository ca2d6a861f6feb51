--liquibase formatted sql

--changeset daap:0060-snapshots-table
--comment: snapshots: copies of a database on its own cluster, named there daap.snapshot.<id without hyphens> (a dot, which no database name of DAAP's has, so they never collide). restore_of names the snapshot a restore put back, for the snapshot of the contents it replaced. Soft delete: the row stays for the record.
CREATE TABLE ${schema}.snapshots (
    id                 uuid        NOT NULL,
    database_id        uuid        NOT NULL,
    owner_team         text        NOT NULL,
    cluster_id         uuid        NOT NULL,
    cluster_name       text        NOT NULL,
    description        text,
    restore_of         uuid,
    status             text        NOT NULL,
    size_bytes         bigint,
    unavailable_ms     bigint,
    operation_id       uuid        NOT NULL,
    failure_reason     text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    deleted_at         timestamptz,
    version            bigint      NOT NULL DEFAULT 1,
    CONSTRAINT snapshots_pkey PRIMARY KEY (id),
    CONSTRAINT snapshots_database_fkey FOREIGN KEY (database_id) REFERENCES ${schema}.databases (id),
    CONSTRAINT snapshots_cluster_fkey FOREIGN KEY (cluster_id) REFERENCES ${schema}.clusters (id),
    CONSTRAINT snapshots_status_known CHECK (status IN ('creating', 'ready', 'failed', 'deleting', 'deleted')),
    CONSTRAINT snapshots_deleted_status CHECK ((deleted_at IS NOT NULL) = (status = 'deleted')),
    CONSTRAINT snapshots_description_length CHECK (char_length(description) BETWEEN 1 AND 1000),
    CONSTRAINT snapshots_size_range CHECK (size_bytes >= 0),
    CONSTRAINT snapshots_unavailable_range CHECK (unavailable_ms >= 0),
    CONSTRAINT snapshots_version_positive CHECK (version >= 1),
    CONSTRAINT snapshots_updated_after_created CHECK (updated_at >= created_at)
);
CREATE INDEX snapshots_live_database_idx ON ${schema}.snapshots (database_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX snapshots_operation_key ON ${schema}.snapshots (operation_id);
--rollback DROP TABLE ${schema}.snapshots;

--changeset daap:0061-clone-sources-table
--comment: where a clone is copied from: a database, or one of its snapshots; read by the provision job of the clone
CREATE TABLE ${schema}.clone_sources (
    database_id        uuid NOT NULL,
    source_database_id uuid NOT NULL,
    source_snapshot_id uuid,
    CONSTRAINT clone_sources_pkey PRIMARY KEY (database_id),
    CONSTRAINT clone_sources_database_fkey FOREIGN KEY (database_id) REFERENCES ${schema}.databases (id),
    CONSTRAINT clone_sources_source_fkey FOREIGN KEY (source_database_id) REFERENCES ${schema}.databases (id),
    CONSTRAINT clone_sources_snapshot_fkey FOREIGN KEY (source_snapshot_id) REFERENCES ${schema}.snapshots (id)
);
--rollback DROP TABLE ${schema}.clone_sources;

--changeset daap:0062-jobs-snapshot-kinds
--comment: the jobs of snapshots: make one, drop one, restore one (clones are provision jobs); on top of deletion's kinds (daap:0052)
ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known,
    ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge',
        'snapshot', 'snapshot_delete', 'snapshot_restore'));
--rollback ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known;
--rollback DELETE FROM ${schema}.jobs WHERE kind IN ('snapshot', 'snapshot_delete', 'snapshot_restore');
--rollback ALTER TABLE ${schema}.jobs ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge'));

--changeset daap:0063-events-snapshot-types
--comment: the events of snapshots; on top of the fleet's cluster.health_changed (daap:0040)
ALTER TABLE ${schema}.events DROP CONSTRAINT events_type_known,
    ADD CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated',
        'database.deleted', 'credentials.rotated', 'cluster.health_changed', 'snapshot.created',
        'snapshot.status_changed', 'snapshot.deleted', 'snapshot.restore_started'));
--rollback ALTER TABLE ${schema}.events DROP CONSTRAINT events_type_known;
--rollback DELETE FROM ${schema}.events WHERE type LIKE 'snapshot.%';
--rollback ALTER TABLE ${schema}.events ADD CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated', 'database.deleted', 'credentials.rotated', 'cluster.health_changed'));
