--liquibase formatted sql

--changeset daap:0004-jobs-table
--comment: durable jobs (operations) claimed by workers with FOR UPDATE SKIP LOCKED under a lease
CREATE TABLE ${schema}.jobs (
    id               uuid        NOT NULL,
    kind             text        NOT NULL,
    database_id      uuid        NOT NULL,
    payload          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    state            text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    max_attempts     integer     NOT NULL,
    run_at           timestamptz NOT NULL,
    lease_owner      text,
    lease_expires_at timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    CONSTRAINT jobs_pkey PRIMARY KEY (id),
    CONSTRAINT jobs_database_fkey FOREIGN KEY (database_id) REFERENCES ${schema}.databases (id),
    CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision')),
    CONSTRAINT jobs_state_known CHECK (state IN ('scheduled', 'running', 'succeeded', 'failed', 'cancelled')),
    CONSTRAINT jobs_attempts_range CHECK (attempts >= 0 AND max_attempts >= 1),
    CONSTRAINT jobs_payload_object CHECK (jsonb_typeof(payload) = 'object'),
    CONSTRAINT jobs_lease_when_running CHECK ((state = 'running') = (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL))
);
--rollback DROP TABLE ${schema}.jobs;

--changeset daap:0005-jobs-indexes
--comment: what the claim query and the operations endpoints filter on
CREATE INDEX jobs_due_idx ON ${schema}.jobs (run_at) WHERE state = 'scheduled';
CREATE INDEX jobs_lease_idx ON ${schema}.jobs (lease_expires_at) WHERE state = 'running';
CREATE INDEX jobs_database_idx ON ${schema}.jobs (database_id, created_at DESC, id DESC);
--rollback DROP INDEX ${schema}.jobs_database_idx;
--rollback DROP INDEX ${schema}.jobs_lease_idx;
--rollback DROP INDEX ${schema}.jobs_due_idx;

--changeset daap:0006-databases-operation
--comment: a database points at its newest operation and says why it failed
ALTER TABLE ${schema}.databases ADD COLUMN latest_operation_id uuid, ADD COLUMN failure_reason text;
--rollback ALTER TABLE ${schema}.databases DROP COLUMN failure_reason, DROP COLUMN latest_operation_id;
