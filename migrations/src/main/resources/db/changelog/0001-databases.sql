--liquibase formatted sql

--changeset daap:0001-pg-trgm rollbackSplitStatements:false
--comment: trigram indexes make the q= partial match (ILIKE '%…%') use an index on large tables
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA ${schema};
--rollback DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm' AND n.nspname = '${schema}') THEN DROP EXTENSION pg_trgm; END IF; END $$;

--changeset daap:0002-databases-table
--comment: the databases resource; CHECK constraints mirror the domain's rules so no writer can bypass them
CREATE TABLE ${schema}.databases (
    id            uuid        NOT NULL,
    name          text        NOT NULL,
    owner_team    text        NOT NULL,
    purpose       text        NOT NULL,
    status        text        NOT NULL DEFAULT 'pending',
    host          text,
    port          integer,
    database_name text,
    username      text,
    labels        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    version       bigint      NOT NULL DEFAULT 1,
    CONSTRAINT databases_pkey PRIMARY KEY (id),
    CONSTRAINT databases_name_format CHECK (name ~ '^[a-z][a-z0-9-]{2,62}$'),
    CONSTRAINT databases_owner_team_format CHECK (owner_team ~ '^[a-z][a-z0-9-]{2,62}$'),
    CONSTRAINT databases_purpose_length CHECK (char_length(purpose) BETWEEN 1 AND 1000 AND purpose ~ '\S'),
    CONSTRAINT databases_status_known CHECK (status IN ('pending', 'provisioning', 'ready', 'failed', 'deleting', 'deleted')),
    CONSTRAINT databases_port_range CHECK (port BETWEEN 1 AND 65535),
    CONSTRAINT databases_labels_object CHECK (jsonb_typeof(labels) = 'object'),
    CONSTRAINT databases_deleted_status CHECK ((deleted_at IS NOT NULL) = (status = 'deleted')),
    CONSTRAINT databases_version_positive CHECK (version >= 1),
    CONSTRAINT databases_updated_after_created CHECK (updated_at >= created_at)
);
--rollback DROP TABLE ${schema}.databases;

--changeset daap:0003-databases-indexes
--comment: one index per list filter and sort; all partial on live rows, which are all that lists show
CREATE UNIQUE INDEX databases_live_name_key ON ${schema}.databases (name) WHERE deleted_at IS NULL;
CREATE INDEX databases_live_created_idx ON ${schema}.databases (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX databases_live_team_created_idx ON ${schema}.databases (owner_team, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX databases_live_team_name_idx ON ${schema}.databases (owner_team, name, id) WHERE deleted_at IS NULL;
CREATE INDEX databases_live_status_created_idx ON ${schema}.databases (status, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX databases_live_name_trgm_idx ON ${schema}.databases USING gin (name gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX databases_live_purpose_trgm_idx ON ${schema}.databases USING gin (purpose gin_trgm_ops) WHERE deleted_at IS NULL;
--rollback DROP INDEX ${schema}.databases_live_purpose_trgm_idx;
--rollback DROP INDEX ${schema}.databases_live_name_trgm_idx;
--rollback DROP INDEX ${schema}.databases_live_status_created_idx;
--rollback DROP INDEX ${schema}.databases_live_team_name_idx;
--rollback DROP INDEX ${schema}.databases_live_team_created_idx;
--rollback DROP INDEX ${schema}.databases_live_created_idx;
--rollback DROP INDEX ${schema}.databases_live_name_key;
