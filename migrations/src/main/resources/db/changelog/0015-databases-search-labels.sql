--liquibase formatted sql

--changeset daap:0070-databases-search-document
--comment: search= is full-text search over purpose (weight A) and label values (weight B), ranked; the document is stored so that no list reads it per row, and its GIN index finds the matches. 'english' stems words, so "invoices" finds "invoice"; websearch_to_tsquery must use the same configuration.
ALTER TABLE ${schema}.databases ADD COLUMN search_document tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, purpose), 'A') || setweight(jsonb_to_tsvector('english'::regconfig, labels, '["string"]'), 'B')) STORED;
CREATE INDEX databases_live_search_idx ON ${schema}.databases USING gin (search_document) WHERE deleted_at IS NULL;
--rollback DROP INDEX ${schema}.databases_live_search_idx;
--rollback ALTER TABLE ${schema}.databases DROP COLUMN search_document;

--changeset daap:0071-databases-labels-index
--comment: label=key:value (labels @> …) and label=key (labels ? …) through one GIN index; jsonb_ops rather than jsonb_path_ops, which cannot answer ? (key present)
CREATE INDEX databases_live_labels_idx ON ${schema}.databases USING gin (labels) WHERE deleted_at IS NULL;
--rollback DROP INDEX ${schema}.databases_live_labels_idx;
