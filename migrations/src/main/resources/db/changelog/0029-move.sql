--liquibase formatted sql

--changeset daap:0240-databases-status-moving
--comment: a database being moved to another cluster is moving (POST /v1/databases/{id}/move), then ready there or failed here
ALTER TABLE ${schema}.databases DROP CONSTRAINT databases_status_known,
    ADD CONSTRAINT databases_status_known CHECK (status IN ('pending', 'provisioning', 'ready', 'failed', 'deleting',
        'deleted', 'restoring', 'purging', 'purged', 'moving'));
--rollback UPDATE ${schema}.databases SET status = 'failed', failure_reason = 'its move was undone by a schema rollback' WHERE status = 'moving';
--rollback ALTER TABLE ${schema}.databases DROP CONSTRAINT databases_status_known, ADD CONSTRAINT databases_status_known CHECK (status IN ('pending', 'provisioning', 'ready', 'failed', 'deleting', 'deleted', 'restoring', 'purging', 'purged'));

--changeset daap:0241-jobs-kind-move
--comment: the move job; daap:0144's kinds and move
ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known,
    ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge',
        'snapshot', 'snapshot_delete', 'snapshot_restore', 'backup', 'backup_delete', 'set_up_access', 'user_create',
        'user_delete', 'user_end_previous', 'users_rotate_after_move', 'backup_drill', 'apply_plan', 'move'));
--rollback ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known;
--rollback DELETE FROM ${schema}.jobs WHERE kind = 'move';
--rollback ALTER TABLE ${schema}.jobs ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge', 'snapshot', 'snapshot_delete', 'snapshot_restore', 'backup', 'backup_delete', 'set_up_access', 'user_create', 'user_delete', 'user_end_previous', 'users_rotate_after_move', 'backup_drill', 'apply_plan'));

--changeset daap:0242-database-moves
--comment: each move of a database to another cluster, by its operation: where from and to, its name there, the deleted database its old copy becomes, and how long it was read-only
CREATE TABLE ${schema}.database_moves (
    operation_id      uuid        NOT NULL,
    database_id       uuid        NOT NULL,
    from_cluster_id   uuid        NOT NULL,
    from_cluster_name text        NOT NULL,
    to_cluster_id     uuid        NOT NULL,
    to_cluster_name   text        NOT NULL,
    name_on_target    text        NOT NULL,
    left_behind_id    uuid        NOT NULL,
    read_only_since   timestamptz,
    read_only_ms      bigint,
    CONSTRAINT database_moves_pkey PRIMARY KEY (operation_id),
    CONSTRAINT database_moves_database_fkey FOREIGN KEY (database_id) REFERENCES ${schema}.databases (id),
    CONSTRAINT database_moves_read_only_ms_not_negative CHECK (read_only_ms IS NULL OR read_only_ms >= 0)
);
CREATE INDEX database_moves_database_idx ON ${schema}.database_moves (database_id);
--rollback DROP TABLE ${schema}.database_moves;
