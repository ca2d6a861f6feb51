--liquibase formatted sql

--changeset daap:0140-plans-table
--comment: the catalog of plans platform admins keep: limits a database gets on its cluster and its price, in the installation's one currency (DAAP_CURRENCY); exact decimals. One default plan at most (partial unique index). The CHECKs mirror Plan's rules.
CREATE TABLE ${schema}.plans (
    name                   text           NOT NULL,
    description            text           NOT NULL,
    max_connections        integer        NOT NULL,
    storage_limit_bytes    bigint         NOT NULL,
    included_storage_bytes bigint         NOT NULL,
    price_per_month        numeric(14, 2) NOT NULL,
    price_per_gb_month     numeric(14, 4) NOT NULL,
    is_default             boolean        NOT NULL DEFAULT false,
    created_at             timestamptz    NOT NULL DEFAULT now(),
    updated_at             timestamptz    NOT NULL DEFAULT now(),
    version                bigint         NOT NULL DEFAULT 1,
    CONSTRAINT plans_pkey PRIMARY KEY (name),
    CONSTRAINT plans_name_format CHECK (name ~ '^[a-z][a-z0-9-]{2,62}$'),
    CONSTRAINT plans_description_length CHECK (char_length(description) <= 1000),
    CONSTRAINT plans_max_connections_range CHECK (max_connections BETWEEN 1 AND 10000),
    CONSTRAINT plans_storage_limit_positive CHECK (storage_limit_bytes >= 1),
    CONSTRAINT plans_included_storage_range CHECK (included_storage_bytes BETWEEN 0 AND storage_limit_bytes),
    CONSTRAINT plans_prices_not_negative CHECK (price_per_month >= 0 AND price_per_gb_month >= 0),
    CONSTRAINT plans_version_positive CHECK (version >= 1)
);
CREATE UNIQUE INDEX plans_one_default ON ${schema}.plans (is_default) WHERE is_default;
--rollback DROP TABLE ${schema}.plans;

--changeset daap:0141-default-plan-catalog
--comment: a fresh installation (and one upgraded to plans) starts with three plans, small the default, so the quick start shows a catalog; admins change or replace them. Storage in GB of 10^9 bytes.
INSERT INTO ${schema}.plans (name, description, max_connections, storage_limit_bytes, included_storage_bytes,
                             price_per_month, price_per_gb_month, is_default)
VALUES ('small', 'For development and small services', 20, 10000000000, 5000000000, 15.00, 0.1000, true),
       ('medium', 'For production services', 100, 100000000000, 50000000000, 60.00, 0.0800, false),
       ('large', 'For busy production services', 400, 1000000000000, 500000000000, 240.00, 0.0500, false);
--rollback DELETE FROM ${schema}.plans WHERE name IN ('small', 'medium', 'large');

--changeset daap:0142-databases-plan
--comment: every database has a plan; those from before plans get small, the catalog's default (a constant default: no table rewrite). No foreign key: a purged database keeps its plan's name for the books after the plan is gone; the use cases lock the plan they use (FOR SHARE) and removal counts its users under a lock. The index finds a plan's users.
ALTER TABLE ${schema}.databases ADD COLUMN plan text NOT NULL DEFAULT 'small'
    CONSTRAINT databases_plan_format CHECK (plan ~ '^[a-z][a-z0-9-]{2,62}$');
CREATE INDEX databases_plan_idx ON ${schema}.databases (plan) WHERE status <> 'purged';
--rollback ALTER TABLE ${schema}.databases DROP COLUMN plan;

--changeset daap:0143-teams-limits
--comment: a team's own quota of live databases (null: DAAP_TEAM_MAX_DATABASES) and its monthly budget (null: none), in the installation's currency
ALTER TABLE ${schema}.teams ADD COLUMN max_databases integer
        CONSTRAINT teams_max_databases_range CHECK (max_databases BETWEEN 0 AND 1000000),
    ADD COLUMN monthly_budget numeric(14, 2) CONSTRAINT teams_monthly_budget_not_negative CHECK (monthly_budget >= 0),
    ADD COLUMN budget_currency text,
    ADD CONSTRAINT teams_budget_has_currency CHECK ((monthly_budget IS NULL) = (budget_currency IS NULL)
        AND (budget_currency IS NULL OR budget_currency ~ '^[A-Z]{3}$'));
--rollback ALTER TABLE ${schema}.teams DROP CONSTRAINT teams_budget_has_currency, DROP COLUMN budget_currency, DROP COLUMN monthly_budget, DROP COLUMN max_databases;

--changeset daap:0144-jobs-kind-apply-plan
--comment: the job that applies a database's plan on its cluster (its connection limit) after a plan change; daap:0192's kinds and apply_plan
ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known,
    ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge',
        'snapshot', 'snapshot_delete', 'snapshot_restore', 'backup', 'backup_delete', 'set_up_access', 'user_create',
        'user_delete', 'user_end_previous', 'users_rotate_after_move', 'backup_drill', 'apply_plan'));
--rollback ALTER TABLE ${schema}.jobs DROP CONSTRAINT jobs_kind_known;
--rollback DELETE FROM ${schema}.jobs WHERE kind = 'apply_plan';
--rollback ALTER TABLE ${schema}.jobs ADD CONSTRAINT jobs_kind_known CHECK (kind IN ('provision', 'deprovision', 'deactivate', 'restore', 'purge', 'snapshot', 'snapshot_delete', 'snapshot_restore', 'backup', 'backup_delete', 'set_up_access', 'user_create', 'user_delete', 'user_end_previous', 'users_rotate_after_move', 'backup_drill'));

--changeset daap:0145-teams-live-databases splitStatements:false
--comment: each team's count of live databases (deleted_at null), kept by triggers on databases in the same transaction as the change, so the quota check of a create reads one number instead of counting a team's rows (50,000 in bench/run's big team). The update trigger fires only when deleted_at or owner_team changes. Backfilled from the rows.
ALTER TABLE ${schema}.teams ADD COLUMN live_databases integer NOT NULL DEFAULT 0
    CONSTRAINT teams_live_databases_not_negative CHECK (live_databases >= 0);
UPDATE ${schema}.teams t SET live_databases = (SELECT count(*) FROM ${schema}.databases d
                                                WHERE d.owner_team = t.slug AND d.deleted_at IS NULL);
CREATE FUNCTION ${schema}.teams_count_live_databases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
        UPDATE ${schema}.teams SET live_databases = live_databases - 1 WHERE slug = OLD.owner_team;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
        UPDATE ${schema}.teams SET live_databases = live_databases + 1 WHERE slug = NEW.owner_team;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER databases_count_live_on_insert_or_delete AFTER INSERT OR DELETE ON ${schema}.databases
    FOR EACH ROW EXECUTE FUNCTION ${schema}.teams_count_live_databases();
CREATE TRIGGER databases_count_live_on_update AFTER UPDATE OF deleted_at, owner_team ON ${schema}.databases
    FOR EACH ROW WHEN (OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR OLD.owner_team IS DISTINCT FROM NEW.owner_team)
    EXECUTE FUNCTION ${schema}.teams_count_live_databases();
--rollback DROP TRIGGER databases_count_live_on_update ON ${schema}.databases;
--rollback DROP TRIGGER databases_count_live_on_insert_or_delete ON ${schema}.databases;
--rollback DROP FUNCTION ${schema}.teams_count_live_databases();
--rollback ALTER TABLE ${schema}.teams DROP COLUMN live_databases;

--changeset daap:0146-teams-live-databases-per-statement splitStatements:false rollbackSplitStatements:false
--comment: the live-database counter counted row by row: one statement inserting N databases of a team updated the team's row N times in one transaction, each update walking the row versions the earlier ones left (ExportEndToEndTest's 200,000 rows ran for over ten minutes). Now once per statement, from its transition tables: an UPDATE statement adds or subtracts only where a row's team or deletion changed.
DROP TRIGGER databases_count_live_on_update ON ${schema}.databases;
DROP TRIGGER databases_count_live_on_insert_or_delete ON ${schema}.databases;
DROP FUNCTION ${schema}.teams_count_live_databases();
CREATE FUNCTION ${schema}.teams_count_live_databases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE ${schema}.teams t SET live_databases = t.live_databases + c.n
        FROM (SELECT owner_team, count(*) AS n FROM new_rows WHERE deleted_at IS NULL GROUP BY owner_team) c
        WHERE t.slug = c.owner_team;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE ${schema}.teams t SET live_databases = t.live_databases - c.n
        FROM (SELECT owner_team, count(*) AS n FROM old_rows WHERE deleted_at IS NULL GROUP BY owner_team) c
        WHERE t.slug = c.owner_team;
    ELSE
        UPDATE ${schema}.teams t SET live_databases = t.live_databases + c.n
        FROM (SELECT owner_team, sum(d) AS n
              FROM (SELECT owner_team, 1 AS d FROM new_rows WHERE deleted_at IS NULL
                    UNION ALL
                    SELECT owner_team, -1 FROM old_rows WHERE deleted_at IS NULL) AS changes
              GROUP BY owner_team
              HAVING sum(d) <> 0) c
        WHERE t.slug = c.owner_team;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER databases_count_live_on_insert AFTER INSERT ON ${schema}.databases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.teams_count_live_databases();
CREATE TRIGGER databases_count_live_on_delete AFTER DELETE ON ${schema}.databases
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.teams_count_live_databases();
CREATE TRIGGER databases_count_live_on_update AFTER UPDATE ON ${schema}.databases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.teams_count_live_databases();
--rollback DROP TRIGGER databases_count_live_on_update ON ${schema}.databases;
--rollback DROP TRIGGER databases_count_live_on_delete ON ${schema}.databases;
--rollback DROP TRIGGER databases_count_live_on_insert ON ${schema}.databases;
--rollback DROP FUNCTION ${schema}.teams_count_live_databases();
--rollback CREATE FUNCTION ${schema}.teams_count_live_databases() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN UPDATE ${schema}.teams SET live_databases = live_databases - 1 WHERE slug = OLD.owner_team; END IF; IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN UPDATE ${schema}.teams SET live_databases = live_databases + 1 WHERE slug = NEW.owner_team; END IF; RETURN NULL; END $$;
--rollback CREATE TRIGGER databases_count_live_on_insert_or_delete AFTER INSERT OR DELETE ON ${schema}.databases FOR EACH ROW EXECUTE FUNCTION ${schema}.teams_count_live_databases();
--rollback CREATE TRIGGER databases_count_live_on_update AFTER UPDATE OF deleted_at, owner_team ON ${schema}.databases FOR EACH ROW WHEN (OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR OLD.owner_team IS DISTINCT FROM NEW.owner_team) EXECUTE FUNCTION ${schema}.teams_count_live_databases();
