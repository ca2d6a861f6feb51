--liquibase formatted sql

--changeset daap:0014-api-keys-table
--comment: API keys: never the token, only its public prefix and its SHA-256; a platform admin key, and only it, has no team
CREATE TABLE ${schema}.api_keys (
    id           uuid        NOT NULL,
    team         text,
    role         text        NOT NULL,
    prefix       text        NOT NULL,
    token_hash   text        NOT NULL,
    description  text        NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CONSTRAINT api_keys_pkey PRIMARY KEY (id),
    CONSTRAINT api_keys_prefix_key UNIQUE (prefix),
    CONSTRAINT api_keys_team_fkey FOREIGN KEY (team) REFERENCES ${schema}.teams (slug)
        ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT api_keys_role_known CHECK (role IN ('viewer', 'member', 'admin', 'platform_admin')),
    CONSTRAINT api_keys_team_unless_platform_admin CHECK ((team IS NULL) = (role = 'platform_admin')),
    CONSTRAINT api_keys_prefix_format CHECK (prefix ~ '^[a-z0-9]{4,32}$'),
    CONSTRAINT api_keys_token_hash_format CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT api_keys_description_length CHECK (char_length(description) <= 200),
    CONSTRAINT api_keys_expires_after_created CHECK (expires_at > created_at)
);
--rollback DROP TABLE ${schema}.api_keys;

--changeset daap:0015-api-keys-indexes
--comment: a team's keys newest first (also what the team foreign key checks use); whether any platform admin key exists, answered from a tiny partial index
CREATE INDEX api_keys_team_created_idx ON ${schema}.api_keys (team, created_at DESC, id DESC);
CREATE INDEX api_keys_platform_admin_idx ON ${schema}.api_keys (id) WHERE role = 'platform_admin';
--rollback DROP INDEX ${schema}.api_keys_platform_admin_idx;
--rollback DROP INDEX ${schema}.api_keys_team_created_idx;
