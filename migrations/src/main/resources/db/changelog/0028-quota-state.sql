--liquibase formatted sql

--changeset daap:0203-databases-quota-state
--comment: whether a database keeps within its plan's limits (issue 21): over_storage while its measured size is above the plan's storage limit, when DAAP makes it read-only on its cluster; ok otherwise. Every row starts ok.
ALTER TABLE ${schema}.databases
    ADD COLUMN quota_state text NOT NULL DEFAULT 'ok',
    ADD CONSTRAINT databases_quota_state_known CHECK (quota_state IN ('ok', 'over_storage'));
--rollback ALTER TABLE ${schema}.databases DROP COLUMN quota_state;
