--liquibase formatted sql

--changeset daap:0180-clone-sources-source-index
--comment: the clones of a database (Snapshots.clonesOf: deactivating or purging it waits for clones still copying from it) were found by reading every row of clone_sources, whose only index is its primary key (the clone's id).
CREATE INDEX clone_sources_source_idx ON ${schema}.clone_sources (source_database_id);
--rollback DROP INDEX ${schema}.clone_sources_source_idx;
