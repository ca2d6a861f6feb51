--liquibase formatted sql

--changeset daap:0007-credentials-table
--comment: each database's password, AES-256-GCM encrypted; the database id is the associated data, so a ciphertext copied to another row does not decrypt
CREATE TABLE ${schema}.credentials (
    database_id uuid        NOT NULL,
    ciphertext  bytea       NOT NULL,
    nonce       bytea       NOT NULL,
    key_id      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT credentials_pkey PRIMARY KEY (database_id),
    CONSTRAINT credentials_database_fkey FOREIGN KEY (database_id) REFERENCES ${schema}.databases (id),
    CONSTRAINT credentials_nonce_length CHECK (octet_length(nonce) = 12),
    CONSTRAINT credentials_ciphertext_has_tag CHECK (octet_length(ciphertext) >= 16),
    CONSTRAINT credentials_key_id_format CHECK (key_id ~ '^[0-9a-f]{16}$')
);
--rollback DROP TABLE ${schema}.credentials;

--changeset daap:0008-secret-keys-table
--comment: the fingerprint of the key that encrypts the credentials, so a start with another key fails instead of writing secrets no one can read; one row at most, so two instances starting together with different keys cannot both win
CREATE TABLE ${schema}.secret_keys (
    key_id     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT secret_keys_pkey PRIMARY KEY (key_id),
    CONSTRAINT secret_keys_key_id_format CHECK (key_id ~ '^[0-9a-f]{16}$')
);
CREATE UNIQUE INDEX secret_keys_single_row ON ${schema}.secret_keys ((true));
--rollback DROP TABLE ${schema}.secret_keys;
