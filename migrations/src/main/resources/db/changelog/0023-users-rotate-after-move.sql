--liquibase formatted sql

--changeset daap:0186-jobs-kind-users-rotate-after-move
--comment: a database moved to another team rotates every user's credentials (users_rotate_after_move), so the previous team's passwords stop working
ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known,
    ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge',
        'snapshot', 'snapshot_delete', 'snapshot_restore', 'backup', 'backup_delete', 'set_up_access', 'user_create',
        'user_delete', 'user_end_previous', 'users_rotate_after_move'));
--rollback ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known;
--rollback DELETE FROM ${schema}.jobs WHERE kind = 'users_rotate_after_move';
--rollback ALTER TABLE ${schema}.jobs ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge', 'snapshot', 'snapshot_delete', 'snapshot_restore', 'backup', 'backup_delete', 'set_up_access', 'user_create', 'user_delete', 'user_end_previous'));
