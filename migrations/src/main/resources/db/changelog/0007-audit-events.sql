--liquibase formatted sql

--changeset daap:0016-audit-events-table
--comment: who did what to which resource, when and from where; no foreign keys, because the log must outlive the keys, teams and databases it describes
CREATE TABLE ${schema}.audit_events (
    id             uuid        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    actor_key_id   uuid,
    actor_team     text,
    action         text        NOT NULL,
    resource_type  text        NOT NULL,
    resource_id    text        NOT NULL,
    team           text,
    request_id     text        NOT NULL DEFAULT '',
    client_address text        NOT NULL DEFAULT '',
    before         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    after          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT audit_events_pkey PRIMARY KEY (id),
    CONSTRAINT audit_events_action_present CHECK (action <> ''),
    CONSTRAINT audit_events_resource_type_present CHECK (resource_type <> ''),
    CONSTRAINT audit_events_team_format CHECK (team ~ '^[a-z][a-z0-9-]{2,62}$'),
    CONSTRAINT audit_events_actor_team_format CHECK (actor_team ~ '^[a-z][a-z0-9-]{2,62}$'),
    CONSTRAINT audit_events_before_object CHECK (jsonb_typeof(before) = 'object'),
    CONSTRAINT audit_events_after_object CHECK (jsonb_typeof(after) = 'object')
);
--rollback DROP TABLE ${schema}.audit_events;

--changeset daap:0017-audit-events-indexes
--comment: one index per filter of the list, each ending in id DESC so a page is a range scan that starts at its keyset position
CREATE INDEX audit_events_team_idx ON ${schema}.audit_events (team, id DESC) WHERE team IS NOT NULL;
CREATE INDEX audit_events_resource_idx ON ${schema}.audit_events (resource_type, resource_id, id DESC);
CREATE INDEX audit_events_actor_idx ON ${schema}.audit_events (actor_key_id, id DESC) WHERE actor_key_id IS NOT NULL;
CREATE INDEX audit_events_action_idx ON ${schema}.audit_events (action, id DESC);
CREATE INDEX audit_events_occurred_idx ON ${schema}.audit_events (occurred_at);
--rollback DROP INDEX ${schema}.audit_events_occurred_idx;
--rollback DROP INDEX ${schema}.audit_events_action_idx;
--rollback DROP INDEX ${schema}.audit_events_actor_idx;
--rollback DROP INDEX ${schema}.audit_events_resource_idx;
--rollback DROP INDEX ${schema}.audit_events_team_idx;

--changeset daap:0018-audit-events-append-only splitStatements:false
--comment: the database itself refuses to change or remove an entry, whoever asks (the table's owner included), so a bug or a stolen application login cannot rewrite history
CREATE FUNCTION ${schema}.audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
        USING HINT = 'entries are only ever inserted';
END
$$;
CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON ${schema}.audit_events
    FOR EACH ROW EXECUTE FUNCTION ${schema}.audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON ${schema}.audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.audit_events_append_only();
--rollback DROP TRIGGER audit_events_no_truncate ON ${schema}.audit_events;
--rollback DROP TRIGGER audit_events_no_update_or_delete ON ${schema}.audit_events;
--rollback DROP FUNCTION ${schema}.audit_events_append_only();
