--liquibase formatted sql

--changeset daap:0080-cluster-database-sizes
--comment: the last measured size of each database DAAP made on a cluster (its databases, parked deleted ones, snapshot copies), by its name there, and when it was measured. A probe measures a slice of them, the never measured and then the least recently measured first (pg_database_size walks a database's files: measuring 2,000 took 4 s), and the cluster's storage_bytes is the sum of the last known sizes. size_bytes is NULL where the admin may not read it. Rows of names no longer on the cluster go at the next probe.
CREATE TABLE ${schema}.cluster_database_sizes (
    cluster_id      uuid        NOT NULL,
    name_on_cluster text        NOT NULL,
    size_bytes      bigint,
    measured_at     timestamptz NOT NULL,
    CONSTRAINT cluster_database_sizes_pkey PRIMARY KEY (cluster_id, name_on_cluster),
    CONSTRAINT cluster_database_sizes_cluster_fkey FOREIGN KEY (cluster_id) REFERENCES ${schema}.clusters (id),
    CONSTRAINT cluster_database_sizes_size_range CHECK (size_bytes >= 0)
);
--rollback DROP TABLE ${schema}.cluster_database_sizes;
