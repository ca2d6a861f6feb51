--liquibase formatted sql

--changeset daap:0190-backups-tables
--comment: each table's rows and content checksum when the backup was taken (counted in pg_dump's snapshot), a JSON array of {table, rows, checksum}; NULL for backups taken before DAAP counted them. A restore drill compares a restored copy with it.
ALTER TABLE ${schema}.backups ADD COLUMN tables jsonb;
--rollback ALTER TABLE ${schema}.backups DROP COLUMN tables;
