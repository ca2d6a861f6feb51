-- The transaction of a DAAP create (POST /v1/databases), for pgbench: the record, its provisioning job, its audit
-- entry and its event, with the columns and values DAAP's stores write (ids and times made here instead of in
-- the JVM). bench/run runs it against the server's own schema, as a team-0 database named pgb-…, to measure
-- what PostgreSQL alone can do of the create's work on this machine. pgbench -M prepared sends each statement
-- as a prepared statement with bind values, as pgjdbc does. Left out: the NOTIFYs DAAP sends after the commit,
-- batched across transactions. Names draw from 9e18 numbers: the warm-up and the measured run must not collide.
\set n random(1, 9000000000000000000)
BEGIN;
INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, host, port, database_name, username, labels, created_at, updated_at, deleted_at, version, latest_operation_id, failure_reason)
  VALUES (gen_random_uuid(), 'pgb-' || :n || '-' || :client_id, 'team_0_pgb_' || :n || '_' || :client_id, 'team-0', 'bench create', 'pending', NULL, NULL, NULL, NULL, '{"bench": "true"}', now(), now(), NULL, 1, gen_random_uuid(), NULL)
  RETURNING id AS db_id \gset
INSERT INTO daap.jobs (id, kind, database_id, state, attempts, max_attempts, run_at, lease_owner, lease_expires_at, last_error, created_at, updated_at, started_at, finished_at)
  VALUES (gen_random_uuid(), 'provision', CAST(:db_id AS uuid), 'scheduled', 0, 6, now(), NULL, NULL, NULL, now(), now(), NULL, NULL);
INSERT INTO daap.audit_events (id, occurred_at, actor_key_id, actor_team, action, resource_type, resource_id, team, request_id, client_address, before, after)
  VALUES (gen_random_uuid(), now(), gen_random_uuid(), 'team-0', 'database.create', 'database', CAST(:db_id AS uuid), 'team-0', gen_random_uuid()::text, '127.0.0.1', '{}',
          json_build_object('id', :db_id::text, 'name', 'pgb-' || :n || '-' || :client_id, 'labels', json_build_object('bench', 'true'), 'status', 'pending', 'purpose', 'bench create', 'version', 1, 'owner_team', 'team-0')::jsonb);
INSERT INTO daap.events (occurred_at, type, team, resource_id, payload)
  VALUES (now(), 'database.created', 'team-0', CAST(:db_id AS uuid), json_build_object('id', :db_id::text, 'name', 'pgb-' || :n || '-' || :client_id, 'status', 'pending', 'owner_team', 'team-0')::jsonb)
  RETURNING xid, seq \gset
COMMIT;
