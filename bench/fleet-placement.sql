-- The SQL placement adds to a DAAP create (POST /v1/databases), for pgbench -r (per-statement latency): one
-- statement that ranks the clusters that fit and takes a place on the best (CreateDatabase.place,
-- JooqClusters.takePlace), as DAAP sends it for a create without region or labels. bench/fleet runs it with one
-- client against DAAP's own metadata database after its creates; the rollback keeps the count as it was.
BEGIN;
UPDATE daap.clusters SET database_count = (daap.clusters.database_count + 1) FROM (SELECT candidate.id FROM daap.clusters AS candidate WHERE (candidate.deleted_at IS NULL AND candidate.state = 'active' AND candidate.health_status = 'up' AND (candidate.max_databases IS NULL OR candidate.database_count < candidate.max_databases) AND (candidate.max_storage_bytes IS NULL OR candidate.storage_bytes < candidate.max_storage_bytes)) ORDER BY greatest(coalesce((CAST(candidate.database_count AS double precision) / nullif(CAST(candidate.max_databases AS double precision), 0.0)), 0.0), coalesce((CAST(candidate.storage_bytes AS double precision) / nullif(CAST(candidate.max_storage_bytes AS double precision), 0.0)), 0.0)), candidate.database_count, candidate.name COLLATE "C" LIMIT 1 FOR NO KEY UPDATE) AS chosen WHERE daap.clusters.id = chosen.id RETURNING daap.clusters.id, daap.clusters.name;
ROLLBACK;
