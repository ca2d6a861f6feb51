--liquibase formatted sql

--changeset daap:0032-databases-purpose-lower
--comment: q= matched name and purpose with ILIKE, which lower-cases the pattern and each value on every row it tests (a quarter of PostgreSQL's time per list page). Names are lower case by databases_name_format, so name LIKE lower(q) is the same test; purpose_lower keeps lower(purpose) ready for purpose_lower LIKE lower(q), and its trigram index replaces the one on purpose.
ALTER TABLE ${schema}.databases ADD COLUMN purpose_lower text GENERATED ALWAYS AS (lower(purpose)) STORED;
CREATE INDEX databases_live_purpose_lower_trgm_idx ON ${schema}.databases USING gin (purpose_lower gin_trgm_ops) WHERE deleted_at IS NULL;
DROP INDEX ${schema}.databases_live_purpose_trgm_idx;
--rollback CREATE INDEX databases_live_purpose_trgm_idx ON ${schema}.databases USING gin (purpose gin_trgm_ops) WHERE deleted_at IS NULL;
--rollback DROP INDEX ${schema}.databases_live_purpose_lower_trgm_idx;
--rollback ALTER TABLE ${schema}.databases DROP COLUMN purpose_lower;
