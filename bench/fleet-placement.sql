-- The SQL placement adds to a DAAP create (POST /v1/databases), for pgbench -r (per-statement latency): read the
-- live clusters, check the derived name on the chosen one, and take a place there (CreateDatabase.place, nameOn,
-- JooqClusters.reservePlace), with the columns and conditions DAAP's stores send. bench/fleet runs it with one
-- client against DAAP's own metadata database after its creates, and sums the three statements' latencies; the
-- first line (finding the default cluster's id) and the rollback, which keeps the count as it was, are left out.
\set n random(1, 9000000000000000000)
SELECT id AS cluster_id FROM daap.clusters WHERE name = 'default' \gset
BEGIN;
SELECT id, name, region, labels, state, max_databases, max_storage_bytes, database_count, storage_bytes, admin_host, admin_port, connect_host, connect_port, connect_sslmode, health_status, health_checked_at, server_version, latency_ms, connections, max_connections, health_error, probe_failures, public_connect_databases, next_probe_at, created_at, updated_at, deleted_at, version FROM daap.clusters WHERE deleted_at IS NULL ORDER BY name;
SELECT id FROM daap.databases WHERE cluster_id = CAST(:cluster_id AS uuid) AND name_on_cluster = 'bench_pgb_' || :n AND deleted_at IS NULL LIMIT 1;
UPDATE daap.clusters SET database_count = database_count + 1 WHERE id = CAST(:cluster_id AS uuid) AND deleted_at IS NULL AND state = 'active' AND health_status = 'up' AND (max_databases IS NULL OR database_count < max_databases) AND (max_storage_bytes IS NULL OR storage_bytes < max_storage_bytes);
ROLLBACK;
