--liquibase formatted sql

--changeset daap:0210-usage-samples-table
--comment: what the fleet's probe measured of each live database it sized (storage; client sessions on it when it was measured), one row per database per probe, written in one statement per probe. Bounded: the rollup folds every complete hour into usage_hourly and deletes what it folded. The primary key serves a database's reads by time; the index on sampled_at serves the rollup's "every sample before this hour".
CREATE TABLE ${schema}.usage_samples (
    database_id   uuid        NOT NULL REFERENCES ${schema}.databases (id),
    sampled_at    timestamptz NOT NULL,
    storage_bytes bigint      NOT NULL,
    connections   integer,
    CONSTRAINT usage_samples_pkey PRIMARY KEY (database_id, sampled_at),
    CONSTRAINT usage_samples_storage_not_negative CHECK (storage_bytes >= 0),
    CONSTRAINT usage_samples_connections_not_negative CHECK (connections >= 0)
);
CREATE INDEX usage_samples_sampled_at_idx ON ${schema}.usage_samples (sampled_at);
--rollback DROP TABLE ${schema}.usage_samples;

--changeset daap:0211-usage-hourly-table
--comment: a database's usage by clock hour (UTC), folded from its samples: the sum of the storage samples (the average is sum / samples, and a late sample of a folded hour merges exactly), the largest, the most client sessions seen, how many samples. Rows older than DAAP_USAGE_RETENTION are deleted. The primary key serves a database's and a team's reads by time; the index on hour serves the retention's delete and the month of the platform's cost report.
CREATE TABLE ${schema}.usage_hourly (
    database_id       uuid        NOT NULL REFERENCES ${schema}.databases (id),
    hour              timestamptz NOT NULL,
    storage_bytes_sum bigint      NOT NULL,
    storage_bytes_max bigint      NOT NULL,
    connections_max   integer,
    samples           integer     NOT NULL,
    CONSTRAINT usage_hourly_pkey PRIMARY KEY (database_id, hour),
    CONSTRAINT usage_hourly_whole_hour CHECK (extract(epoch FROM hour) % 3600 = 0),
    CONSTRAINT usage_hourly_samples_positive CHECK (samples >= 1),
    CONSTRAINT usage_hourly_storage_not_negative CHECK (storage_bytes_sum >= 0 AND storage_bytes_max >= 0),
    CONSTRAINT usage_hourly_connections_not_negative CHECK (connections_max >= 0)
);
CREATE INDEX usage_hourly_hour_idx ON ${schema}.usage_hourly (hour);
--rollback DROP TABLE ${schema}.usage_hourly;

--changeset daap:0212-database-revisions-changed-at-index
--comment: the platform's cost report reads every database's plan changes since a month's start: by time, not by database
CREATE INDEX database_revisions_changed_at_idx ON ${schema}.database_revisions (changed_at);
--rollback DROP INDEX ${schema}.database_revisions_changed_at_idx;
