--liquibase formatted sql

--changeset daap:0009-idempotency-keys-table
--comment: the first response to a POST sent with an Idempotency-Key, per caller, replayed to retries until it expires; a running row is a claim whose request has not answered yet
CREATE TABLE ${schema}.idempotency_keys (
    caller       text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    state        text        NOT NULL,
    status       integer,
    content_type text,
    headers      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    body         bytea,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (caller, key),
    CONSTRAINT idempotency_keys_state_known CHECK (state IN ('running', 'completed')),
    CONSTRAINT idempotency_keys_response_when_completed CHECK ((state = 'completed') = (status IS NOT NULL AND body IS NOT NULL)),
    CONSTRAINT idempotency_keys_status_range CHECK (status BETWEEN 100 AND 599),
    CONSTRAINT idempotency_keys_key_format CHECK (key ~ '^[!-~]{1,255}$'),
    CONSTRAINT idempotency_keys_headers_object CHECK (jsonb_typeof(headers) = 'object'),
    CONSTRAINT idempotency_keys_expires_after_created CHECK (expires_at > created_at)
);
--rollback DROP TABLE ${schema}.idempotency_keys;

--changeset daap:0010-idempotency-keys-expiry-index
--comment: the periodic purge deletes by expiry
CREATE INDEX idempotency_keys_expires_idx ON ${schema}.idempotency_keys (expires_at);
--rollback DROP INDEX ${schema}.idempotency_keys_expires_idx;
