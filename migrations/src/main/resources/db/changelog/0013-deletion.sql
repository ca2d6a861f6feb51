--liquibase formatted sql

--changeset daap:0050-databases-deletion-columns
--comment: deletion that can be undone: deletion_protection refuses DELETE while on; restorable_until is, while a database is deleted, until when it can be restored (the purge sweep drops it after).
ALTER TABLE ${schema}.databases
    ADD COLUMN deletion_protection boolean NOT NULL DEFAULT false,
    ADD COLUMN restorable_until    timestamptz,
    ADD CONSTRAINT databases_restorable_when_deleted CHECK (restorable_until IS NULL OR status = 'deleted');
--rollback ALTER TABLE ${schema}.databases DROP COLUMN restorable_until, DROP COLUMN deletion_protection;

--changeset daap:0051-databases-deletion-statuses
--comment: restoring (a deleted database on its way back), purging and purged (dropped for good, the row kept for the books). deleted_at marks the rows off the live set: deleted, purging and purged. Databases deleted before this change were dropped from their cluster then, so they are purged now: nothing of them could be restored.
ALTER TABLE ${schema}.databases DROP CONSTRAINT databases_status_known, DROP CONSTRAINT databases_deleted_status;
UPDATE ${schema}.databases SET status = 'purged' WHERE status = 'deleted';
ALTER TABLE ${schema}.databases
    ADD CONSTRAINT databases_status_known CHECK (status IN ('pending', 'provisioning', 'ready', 'failed', 'deleting', 'deleted', 'restoring', 'purging', 'purged')),
    ADD CONSTRAINT databases_deleted_status CHECK ((deleted_at IS NOT NULL) = (status IN ('deleted', 'purging', 'purged')));
--rollback ALTER TABLE ${schema}.databases DROP CONSTRAINT databases_status_known, DROP CONSTRAINT databases_deleted_status;
--rollback UPDATE ${schema}.databases SET status = 'deleted' WHERE status IN ('purging', 'purged');
--rollback UPDATE ${schema}.databases SET status = 'ready' WHERE status = 'restoring';
--rollback ALTER TABLE ${schema}.databases ADD CONSTRAINT databases_status_known CHECK (status IN ('pending', 'provisioning', 'ready', 'failed', 'deleting', 'deleted')), ADD CONSTRAINT databases_deleted_status CHECK ((deleted_at IS NOT NULL) = (status = 'deleted'));

--changeset daap:0052-jobs-deletion-kinds
--comment: the jobs of deletion that can be undone: deactivate (park it), restore, purge. deprovision stays for jobs queued before.
ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known;
ALTER TABLE ${schema}.jobs ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge'));
--rollback ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known;
--rollback DELETE FROM ${schema}.jobs WHERE kind IN ('deactivate', 'restore', 'purge');
--rollback ALTER TABLE ${schema}.jobs ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision'));

--changeset daap:0053-databases-deletion-indexes
--comment: the purge sweep finds deleted rows past their window by restorable_until; lists with status=deleted (purging, purged) read the removed rows by status; include_deleted lists a team's rows, live or not.
CREATE INDEX databases_purge_due_idx ON ${schema}.databases (restorable_until) WHERE status = 'deleted';
CREATE INDEX databases_removed_status_created_idx ON ${schema}.databases (status, created_at, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX databases_team_created_idx ON ${schema}.databases (owner_team, created_at, id);
--rollback DROP INDEX ${schema}.databases_team_created_idx;
--rollback DROP INDEX ${schema}.databases_removed_status_created_idx;
--rollback DROP INDEX ${schema}.databases_purge_due_idx;
