--liquibase formatted sql

--changeset daap:0090-database-revisions-table splitStatements:false
--comment: every change to a database's settings, written in the transaction of the change: the database's version after it, when, who (as the audit log names actors), what changed ([{field, before, after}]) and every setting as it was then. A database's revisions outlive its deletion and purge (the foreign key refuses to remove a database that has any, and the rows cannot be changed or removed); the primary key serves the list, newest first.
CREATE TABLE ${schema}.database_revisions (
    database_id  uuid        NOT NULL REFERENCES ${schema}.databases (id),
    version      bigint      NOT NULL,
    changed_at   timestamptz NOT NULL,
    actor_kind   text        NOT NULL,
    actor_key_id uuid,
    actor_team   text,
    changes      jsonb       NOT NULL,
    settings     jsonb       NOT NULL,
    CONSTRAINT database_revisions_pkey PRIMARY KEY (database_id, version),
    CONSTRAINT database_revisions_version_positive CHECK (version >= 1),
    CONSTRAINT database_revisions_actor_kind_known CHECK (actor_kind IN ('api_key', 'daap', 'cli')),
    CONSTRAINT database_revisions_actor_key CHECK (actor_kind <> 'api_key' OR actor_key_id IS NOT NULL),
    CONSTRAINT database_revisions_changes_array CHECK (jsonb_typeof(changes) = 'array' AND jsonb_array_length(changes) > 0),
    CONSTRAINT database_revisions_settings_object CHECK (jsonb_typeof(settings) = 'object')
);
CREATE FUNCTION ${schema}.database_revisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'database_revisions is append-only: % is not allowed', TG_OP
        USING HINT = 'revisions are only ever inserted';
END
$$;
CREATE TRIGGER database_revisions_no_update_or_delete BEFORE UPDATE OR DELETE ON ${schema}.database_revisions
    FOR EACH ROW EXECUTE FUNCTION ${schema}.database_revisions_append_only();
CREATE TRIGGER database_revisions_no_truncate BEFORE TRUNCATE ON ${schema}.database_revisions
    FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.database_revisions_append_only();
--rollback DROP TABLE ${schema}.database_revisions;
--rollback DROP FUNCTION ${schema}.database_revisions_append_only();

--changeset daap:0091-database-revisions-backfill
--comment: a database from before revisions gets one, its settings as they are now at its current version, made by DAAP (actor daap) at its last change (updated_at); its earlier changes are in the audit log. The fields and their order are DatabaseSettings' of this change.
INSERT INTO ${schema}.database_revisions (database_id, version, changed_at, actor_kind, changes, settings)
SELECT id, version, updated_at, 'daap',
       jsonb_build_array(
           jsonb_build_object('field', 'name', 'before', NULL, 'after', name),
           jsonb_build_object('field', 'owner_team', 'before', NULL, 'after', owner_team),
           jsonb_build_object('field', 'purpose', 'before', NULL, 'after', purpose),
           jsonb_build_object('field', 'labels', 'before', NULL, 'after', labels),
           jsonb_build_object('field', 'deletion_protection', 'before', NULL, 'after', deletion_protection)),
       jsonb_build_object('name', name, 'owner_team', owner_team, 'purpose', purpose, 'labels', labels,
                          'deletion_protection', deletion_protection)
FROM ${schema}.databases;
--rollback ALTER TABLE ${schema}.database_revisions DISABLE TRIGGER database_revisions_no_update_or_delete;
--rollback DELETE FROM ${schema}.database_revisions WHERE actor_kind = 'daap';
--rollback ALTER TABLE ${schema}.database_revisions ENABLE TRIGGER database_revisions_no_update_or_delete;
