--liquibase formatted sql

--changeset daap:0092-btree-gin rollbackSplitStatements:false
--comment: btree_gin lets a GIN index hold plain columns (the owner team) beside a tsvector (below). Trusted since PostgreSQL 13, so the schema's owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gin SCHEMA ${schema};
--rollback DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'btree_gin' AND n.nspname = '${schema}') THEN DROP EXTENSION btree_gin; END IF; END $$;

--changeset daap:0093-databases-team-search-index
--comment: search= of a team (every team key's search) found the word's rows of every team through the full-text index and read each from the table to check its team: 12,500 rows for 6,250 of team-0's in bench/run (2026-12-03). btree_gin lets one GIN index hold owner_team beside the tsvector, so the index alone narrows to the team's matches; a GIN index over several columns serves a condition on any of them as well, so this one replaces the tsvector-only index for searches without a team too.
CREATE INDEX databases_live_team_search_idx ON ${schema}.databases USING gin (owner_team, search_document) WHERE deleted_at IS NULL;
DROP INDEX ${schema}.databases_live_search_idx;
--rollback CREATE INDEX databases_live_search_idx ON ${schema}.databases USING gin (search_document) WHERE deleted_at IS NULL;
--rollback DROP INDEX ${schema}.databases_live_team_search_idx;

--changeset daap:0094-databases-all-rows-list-indexes
--comment: include_deleted=true without a team read every row in created_at order, and with q= tested every row: the indexes served live rows only. (created_at, id) over all rows serves the first; the trigram indexes now cover all rows (replacing the live-only ones, so a write updates no more indexes than before), and a live list's q= uses them as well, leaving out the few removed rows it finds.
CREATE INDEX databases_created_idx ON ${schema}.databases (created_at, id);
CREATE INDEX databases_name_trgm_idx ON ${schema}.databases USING gin (name gin_trgm_ops);
CREATE INDEX databases_purpose_lower_trgm_idx ON ${schema}.databases USING gin (purpose_lower gin_trgm_ops);
DROP INDEX ${schema}.databases_live_name_trgm_idx;
DROP INDEX ${schema}.databases_live_purpose_lower_trgm_idx;
--rollback CREATE INDEX databases_live_purpose_lower_trgm_idx ON ${schema}.databases USING gin (purpose_lower gin_trgm_ops) WHERE deleted_at IS NULL;
--rollback CREATE INDEX databases_live_name_trgm_idx ON ${schema}.databases USING gin (name gin_trgm_ops) WHERE deleted_at IS NULL;
--rollback DROP INDEX ${schema}.databases_purpose_lower_trgm_idx;
--rollback DROP INDEX ${schema}.databases_name_trgm_idx;
--rollback DROP INDEX ${schema}.databases_created_idx;
