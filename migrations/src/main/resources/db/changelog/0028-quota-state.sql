--liquibase formatted sql

--changeset daap:0203-databases-quota-state
--comment: whether a database keeps within its plan's limits (issue 21): over_storage while its measured size is above the plan's storage limit, when DAAP makes it read-only on its cluster; ok otherwise. Every row starts ok.
ALTER TABLE ${schema}.databases
    ADD COLUMN quota_state text NOT NULL DEFAULT 'ok',
    ADD CONSTRAINT databases_quota_state_known CHECK (quota_state IN ('ok', 'over_storage'));
--rollback ALTER TABLE ${schema}.databases DROP COLUMN quota_state;

--changeset daap:0204-databases-live-cluster-index
--comment: GET /v1/databases?cluster= (a platform admin's view of one cluster, the console's cluster filter): the live databases of a cluster in the list's default order, without reading other clusters' rows
CREATE INDEX databases_live_cluster_created_idx ON ${schema}.databases (cluster_name, created_at, id) WHERE deleted_at IS NULL;
--rollback DROP INDEX ${schema}.databases_live_cluster_created_idx;
