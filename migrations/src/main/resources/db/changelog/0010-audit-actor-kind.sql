--liquibase formatted sql

--changeset daap:0033-audit-events-actor-kind
--comment: who acted, said outright: an API key, DAAP itself, or an operator at the command line (daap admin create-key), which has no key either. Entries from before this column keep NULL (the table refuses UPDATE): readers take a key id for an API key and none for DAAP, which were the only actors then
ALTER TABLE ${schema}.audit_events
    ADD COLUMN actor_kind text,
    ADD CONSTRAINT audit_events_actor_kind_known CHECK (actor_kind IN ('api_key', 'daap', 'cli')),
    ADD CONSTRAINT audit_events_actor_kind_names_key CHECK ((actor_kind = 'api_key') = (actor_key_id IS NOT NULL));
--rollback ALTER TABLE ${schema}.audit_events DROP COLUMN actor_kind;
