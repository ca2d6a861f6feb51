-- Page 1 of the list workload (GET /v1/databases?owner_team=team-0&q=abc&page_size=50), for pgbench: the query
-- DAAP's JooqDatabases sends, with the same columns, predicates, order and look-ahead row (LIMIT 51). bench/run
-- passes the team and the pattern with -D, so pgbench -M prepared binds them as parameters and PostgreSQL plans
-- it as it plans DAAP's (a custom plan per execution).
SELECT id, name, owner_team, purpose, status, host, port, database_name, username, labels, created_at, updated_at, deleted_at, version, latest_operation_id, failure_reason
  FROM daap.databases
 WHERE deleted_at IS NULL AND owner_team = :team
   AND (name LIKE lower(:pattern) ESCAPE '\' OR purpose_lower LIKE lower(:pattern) ESCAPE '\')
 ORDER BY created_at, id
 LIMIT 51;
