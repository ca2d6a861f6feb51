--liquibase formatted sql

--changeset daap:0200-databases-backup-policy
--comment: a database's scheduled backups (issue 19): the schedule (hourly, daily, weekly) and how many to keep, both or neither; backup_due_at is when the next one is due (NULL without a policy). The sweep locks due rows with SKIP LOCKED and moves backup_due_at to the next slot, so one instance takes each slot's backup.
ALTER TABLE ${schema}.databases
    ADD COLUMN backup_schedule text,
    ADD COLUMN backup_retain integer,
    ADD COLUMN backup_due_at timestamptz,
    ADD CONSTRAINT databases_backup_schedule_known CHECK (backup_schedule IN ('hourly', 'daily', 'weekly')),
    ADD CONSTRAINT databases_backup_retain_range CHECK (backup_retain BETWEEN 1 AND 1000),
    ADD CONSTRAINT databases_backup_policy_whole CHECK ((backup_schedule IS NULL) = (backup_retain IS NULL)
        AND (backup_schedule IS NULL) = (backup_due_at IS NULL));
--rollback ALTER TABLE ${schema}.databases DROP COLUMN backup_due_at, DROP COLUMN backup_retain, DROP COLUMN backup_schedule;

--changeset daap:0201-databases-backup-due-index
--comment: the sweep's look-up of due databases reads only the few with a policy
CREATE INDEX databases_backup_due_at_idx ON ${schema}.databases (backup_due_at) WHERE backup_due_at IS NOT NULL;
--rollback DROP INDEX ${schema}.databases_backup_due_at_idx;

--changeset daap:0202-backups-scheduled
--comment: whether the schedule took the backup (not a client): retention deletes only those
ALTER TABLE ${schema}.backups ADD COLUMN scheduled boolean NOT NULL DEFAULT false;
--rollback ALTER TABLE ${schema}.backups DROP COLUMN scheduled;
