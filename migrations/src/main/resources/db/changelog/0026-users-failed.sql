--liquibase formatted sql

--changeset daap:0187-database-users-failed
--comment: a user whose user_create job gave up is failed, with the reason, instead of creating for ever
ALTER TABLE ${schema}.database_users ADD COLUMN failure_reason text,
    DROP CONSTRAINT database_users_status_known,
    ADD CONSTRAINT database_users_status_known CHECK (status IN ('creating', 'ready', 'failed', 'deleting', 'deleted'));
--rollback UPDATE ${schema}.database_users SET status = 'creating' WHERE status = 'failed';
--rollback ALTER TABLE ${schema}.database_users DROP CONSTRAINT database_users_status_known, ADD CONSTRAINT database_users_status_known CHECK (status IN ('creating', 'ready', 'deleting', 'deleted')), DROP COLUMN failure_reason;
