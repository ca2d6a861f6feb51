--liquibase formatted sql

--changeset daap:0035-clusters-table
--comment: the fleet: the clusters DAAP provisions on. Settings (region, labels, state, limits, connect_*, admin address) change with version; health_* and the fill (database_count, counted as DAAP places and removes databases; storage_bytes, measured by the probe) are measurements written without it. The admin URL is a secret and lives encrypted in cluster_secrets; admin_host and admin_port are its public part, the default for clients. Soft delete: databases that lived on a removed cluster still name it.
CREATE TABLE ${schema}.clusters (
    id                       uuid        NOT NULL,
    name                     text        NOT NULL,
    region                   text,
    labels                   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    state                    text        NOT NULL DEFAULT 'active',
    max_databases            integer,
    max_storage_bytes        bigint,
    database_count           integer     NOT NULL DEFAULT 0,
    storage_bytes            bigint      NOT NULL DEFAULT 0,
    admin_host               text        NOT NULL,
    admin_port               integer     NOT NULL,
    connect_host             text,
    connect_port             integer,
    connect_sslmode          text,
    health_status            text        NOT NULL DEFAULT 'unknown',
    health_checked_at        timestamptz,
    server_version           text,
    latency_ms               integer,
    connections              integer,
    max_connections          integer,
    health_error             text,
    probe_failures           integer     NOT NULL DEFAULT 0,
    public_connect_databases text[]      NOT NULL DEFAULT '{}',
    next_probe_at            timestamptz NOT NULL DEFAULT now(),
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    deleted_at               timestamptz,
    version                  bigint      NOT NULL DEFAULT 1,
    CONSTRAINT clusters_pkey PRIMARY KEY (id),
    CONSTRAINT clusters_name_format CHECK (name ~ '^[a-z][a-z0-9-]{2,62}$'),
    CONSTRAINT clusters_region_format CHECK (region ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    CONSTRAINT clusters_labels_object CHECK (jsonb_typeof(labels) = 'object'),
    CONSTRAINT clusters_state_known CHECK (state IN ('active', 'cordoned')),
    CONSTRAINT clusters_max_databases_range CHECK (max_databases >= 0),
    CONSTRAINT clusters_max_storage_bytes_range CHECK (max_storage_bytes >= 0),
    CONSTRAINT clusters_database_count_range CHECK (database_count >= 0),
    CONSTRAINT clusters_storage_bytes_range CHECK (storage_bytes >= 0),
    CONSTRAINT clusters_admin_port_range CHECK (admin_port BETWEEN 1 AND 65535),
    CONSTRAINT clusters_connect_port_range CHECK (connect_port BETWEEN 1 AND 65535),
    CONSTRAINT clusters_connect_sslmode_known CHECK (connect_sslmode IN ('disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full')),
    CONSTRAINT clusters_health_status_known CHECK (health_status IN ('up', 'down', 'unknown')),
    CONSTRAINT clusters_probe_failures_range CHECK (probe_failures >= 0),
    CONSTRAINT clusters_version_positive CHECK (version >= 1),
    CONSTRAINT clusters_updated_after_created CHECK (updated_at >= created_at)
);
CREATE UNIQUE INDEX clusters_live_name_key ON ${schema}.clusters (name) WHERE deleted_at IS NULL;
--rollback DROP TABLE ${schema}.clusters;

--changeset daap:0036-cluster-secrets-table
--comment: each cluster's admin URL, AES-256-GCM encrypted under the key of the credentials, with the cluster id as associated data
CREATE TABLE ${schema}.cluster_secrets (
    cluster_id uuid        NOT NULL,
    ciphertext bytea       NOT NULL,
    nonce      bytea       NOT NULL,
    key_id     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cluster_secrets_pkey PRIMARY KEY (cluster_id),
    CONSTRAINT cluster_secrets_cluster_fkey FOREIGN KEY (cluster_id) REFERENCES ${schema}.clusters (id),
    CONSTRAINT cluster_secrets_nonce_length CHECK (octet_length(nonce) = 12),
    CONSTRAINT cluster_secrets_ciphertext_has_tag CHECK (octet_length(ciphertext) >= 16),
    CONSTRAINT cluster_secrets_key_id_format CHECK (key_id ~ '^[0-9a-f]{16}$')
);
--rollback DROP TABLE ${schema}.cluster_secrets;

--changeset daap:0037-databases-cluster-columns
--comment: where each database lives: its cluster (id, and the name, which never changes, for reads without a join), the name of its database and role there (existing rows keep their own name), its measured size, and the sslmode of its connection details. cluster_id stays NULL for rows from before clusters until start-up places them on the default cluster, which it registers then (it needs the admin URL and the secret key, which a migration has not).
ALTER TABLE ${schema}.databases
    ADD COLUMN cluster_id      uuid,
    ADD COLUMN cluster_name    text,
    ADD COLUMN name_on_cluster text,
    ADD COLUMN storage_bytes   bigint,
    ADD COLUMN sslmode         text,
    ADD CONSTRAINT databases_cluster_fkey FOREIGN KEY (cluster_id) REFERENCES ${schema}.clusters (id),
    ADD CONSTRAINT databases_cluster_named CHECK ((cluster_id IS NULL) = (cluster_name IS NULL)),
    ADD CONSTRAINT databases_storage_bytes_range CHECK (storage_bytes >= 0),
    ADD CONSTRAINT databases_sslmode_known CHECK (sslmode IN ('disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'));
UPDATE ${schema}.databases SET name_on_cluster = name;
ALTER TABLE ${schema}.databases
    ALTER COLUMN name_on_cluster SET NOT NULL,
    ADD CONSTRAINT databases_name_on_cluster_format CHECK (name_on_cluster ~ '^[a-z_][a-z0-9_-]{0,62}$' AND name_on_cluster !~ '^pg_');
--rollback ALTER TABLE ${schema}.databases DROP COLUMN sslmode, DROP COLUMN storage_bytes, DROP COLUMN name_on_cluster, DROP COLUMN cluster_name, DROP COLUMN cluster_id;

--changeset daap:0038-databases-names-per-team
--comment: a name is unique within its team, not across all teams; on a cluster, the name of each live database (and of its role) is unique. The name index keeps serving lists sorted by name across teams.
DROP INDEX ${schema}.databases_live_name_key;
CREATE UNIQUE INDEX databases_live_team_name_key ON ${schema}.databases (owner_team, name) WHERE deleted_at IS NULL;
CREATE INDEX databases_live_name_idx ON ${schema}.databases (name, id) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX databases_live_name_on_cluster_key ON ${schema}.databases (cluster_id, name_on_cluster) WHERE deleted_at IS NULL;
--rollback DROP INDEX ${schema}.databases_live_name_on_cluster_key;
--rollback DROP INDEX ${schema}.databases_live_name_idx;
--rollback DROP INDEX ${schema}.databases_live_team_name_key;
--rollback CREATE UNIQUE INDEX databases_live_name_key ON ${schema}.databases (name) WHERE deleted_at IS NULL;
