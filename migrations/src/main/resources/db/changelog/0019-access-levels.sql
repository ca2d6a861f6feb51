--liquibase formatted sql

--changeset daap:0120-jobs-kind-set-up-access
--comment: the job that gives a database made before access levels its three group roles (daap:0062's kinds and set_up_access)
ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known,
    ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge',
        'snapshot', 'snapshot_delete', 'snapshot_restore', 'set_up_access'));
--rollback ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known;
--rollback DELETE FROM ${schema}.jobs WHERE kind = 'set_up_access';
--rollback ALTER TABLE ${schema}.jobs ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge', 'snapshot', 'snapshot_delete', 'snapshot_restore'));

--changeset daap:0121-set-up-access-of-existing-databases
--comment: at upgrade, one set_up_access job per ready database, due at once (workers poll for it); the id is a UUID v7 made here, its time now and the rest random. Deleted databases get their groups when restored; databases being provisioned from their provision job.
INSERT INTO ${schema}.jobs (id, kind, database_id, state, max_attempts, run_at)
SELECT (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7'
            || substr(md5(random()::text || d.id::text), 1, 3) || '8'
            || substr(md5(random()::text || d.id::text), 1, 15))::uuid,
       'set_up_access', d.id, 'scheduled', 6, now()
FROM ${schema}.databases d
WHERE d.status = 'ready';
--rollback DELETE FROM ${schema}.jobs WHERE kind = 'set_up_access' AND state = 'scheduled';
