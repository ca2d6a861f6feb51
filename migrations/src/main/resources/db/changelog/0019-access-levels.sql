--liquibase formatted sql

--changeset daap:0120-jobs-kind-set-up-access
--comment: the jobs of access levels and users (daap:0101's kinds, backups' included, and set_up_access, user_create, user_delete, user_end_previous)
ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known,
    ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge',
        'snapshot', 'snapshot_delete', 'snapshot_restore', 'backup', 'backup_delete', 'set_up_access', 'user_create',
        'user_delete', 'user_end_previous'));
--rollback ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known;
--rollback DELETE FROM ${schema}.jobs WHERE kind IN ('set_up_access', 'user_create', 'user_delete', 'user_end_previous');
--rollback ALTER TABLE ${schema}.jobs ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge', 'snapshot', 'snapshot_delete', 'snapshot_restore', 'backup', 'backup_delete'));

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

--changeset daap:0122-database-users-table
--comment: who may use a database and how much; each user has two logins (slots a and b) that take turns, the previous one working until previous_valid_until. One live user per name and database; one first owner per database, whose login a is the database's own role.
CREATE TABLE ${schema}.database_users (
    id                   uuid        NOT NULL,
    database_id          uuid        NOT NULL,
    name                 text        NOT NULL,
    access               text        NOT NULL,
    first_owner          boolean     NOT NULL DEFAULT false,
    status               text        NOT NULL,
    current_slot         text        NOT NULL,
    current_since        timestamptz NOT NULL,
    previous_valid_until timestamptz,
    operation_id         uuid,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              bigint      NOT NULL DEFAULT 1,
    CONSTRAINT database_users_pkey PRIMARY KEY (id),
    CONSTRAINT database_users_database_fkey FOREIGN KEY (database_id) REFERENCES ${schema}.databases (id),
    CONSTRAINT database_users_name_format CHECK (name ~ '^[a-z][a-z0-9-]{2,62}$'),
    CONSTRAINT database_users_access_known CHECK (access IN ('owner', 'read_write', 'read_only')),
    CONSTRAINT database_users_status_known CHECK (status IN ('creating', 'ready', 'deleting', 'deleted')),
    CONSTRAINT database_users_slot_known CHECK (current_slot IN ('a', 'b')),
    CONSTRAINT database_users_first_owner_owns CHECK (NOT first_owner OR access = 'owner'),
    CONSTRAINT database_users_version_positive CHECK (version >= 1)
);
CREATE UNIQUE INDEX database_users_live_name ON ${schema}.database_users (database_id, name) WHERE status <> 'deleted';
CREATE UNIQUE INDEX database_users_first_owner ON ${schema}.database_users (database_id) WHERE first_owner;
CREATE INDEX database_users_operation_idx ON ${schema}.database_users (operation_id) WHERE operation_id IS NOT NULL;
CREATE INDEX database_users_previous_due_idx ON ${schema}.database_users (previous_valid_until) WHERE previous_valid_until IS NOT NULL;
--rollback DROP TABLE ${schema}.database_users;

--changeset daap:0123-user-credentials-table
--comment: the passwords of users' logins, AES-256-GCM encrypted and bound to user and slot (the first owner's login a keeps its password in credentials, as before users)
CREATE TABLE ${schema}.user_credentials (
    user_id    uuid        NOT NULL,
    slot       text        NOT NULL,
    ciphertext bytea       NOT NULL,
    nonce      bytea       NOT NULL,
    key_id     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_credentials_pkey PRIMARY KEY (user_id, slot),
    CONSTRAINT user_credentials_user_fkey FOREIGN KEY (user_id) REFERENCES ${schema}.database_users (id),
    CONSTRAINT user_credentials_slot_known CHECK (slot IN ('a', 'b')),
    CONSTRAINT user_credentials_nonce_length CHECK (octet_length(nonce) = 12),
    CONSTRAINT user_credentials_ciphertext_has_tag CHECK (octet_length(ciphertext) >= 16),
    CONSTRAINT user_credentials_key_id_format CHECK (key_id ~ '^[0-9a-f]{16}$')
);
--rollback DROP TABLE ${schema}.user_credentials;

--changeset daap:0124-first-owner-of-existing-databases
--comment: every database that is not purged gets its first owner user, named owner, whose login a is the database's role; new databases get theirs when provisioned
INSERT INTO ${schema}.database_users (id, database_id, name, access, first_owner, status, current_slot, current_since)
SELECT (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7'
            || substr(md5(random()::text || d.id::text), 1, 3) || '8'
            || substr(md5(random()::text || d.id::text), 1, 15))::uuid,
       d.id, 'owner', 'owner', true, 'ready', 'a', d.created_at
FROM ${schema}.databases d
WHERE d.status NOT IN ('purged', 'purging');
--rollback DELETE FROM ${schema}.database_users WHERE first_owner;

--changeset daap:0125-events-user-types
--comment: the events of users (daap:0102's types, backups' included, and user.created, user.status_changed, user.credentials_rotated, user.previous_login_ended)
ALTER TABLE ${schema}.events DROP CONSTRAINT events_type_known,
    ADD CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated',
        'database.deleted', 'credentials.rotated', 'cluster.health_changed', 'snapshot.created',
        'snapshot.status_changed', 'snapshot.deleted', 'snapshot.restore_started', 'backup.created',
        'backup.status_changed', 'user.created', 'user.status_changed', 'user.credentials_rotated',
        'user.previous_login_ended'));
--rollback ALTER TABLE ${schema}.events DROP CONSTRAINT events_type_known;
--rollback DELETE FROM ${schema}.events WHERE type LIKE 'user.%';
--rollback ALTER TABLE ${schema}.events ADD CONSTRAINT events_type_known CHECK (type IN ('database.created', 'database.status_changed', 'database.updated', 'database.deleted', 'credentials.rotated', 'cluster.health_changed', 'snapshot.created', 'snapshot.status_changed', 'snapshot.deleted', 'snapshot.restore_started', 'backup.created', 'backup.status_changed'));
