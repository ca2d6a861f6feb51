# shellcheck shell=bash disable=SC2004,SC2034  # the arrays (associative) belong to bench/run
# Sourced by bench/run: the database's own ceilings, measured on the same embedded PostgreSQL with the same
# client counts as the API's workloads. pgbench -S (one primary-key SELECT, prepared) is the work of a GET by
# id at the database; pgbench -N (UPDATE, SELECT, INSERT and a commit, prepared) is a small write transaction
# like a create. bench/list-query.sql is the list workload's page-1 query, on the server's own data: what the
# database alone can do of a list page. bench/create-transaction.sql is the create's own transaction (the record,
# its job, its audit entry and its event), run against the server's schema after the API's creates: what the
# database alone can do of a create's work. Those two run in the server's database ($PGDATABASE, set by
# bench/run), with -n: there are no pgbench tables to vacuum there. Each logs a 10% sample of its transactions,
# for p50, p99 and p99.9.

run_pgbench_ceilings() {
  if [ -z "$PGBENCH" ]; then
    log "pgbench not found (Debian ships it in postgresql-NN): the database ceilings are skipped"
    return 0
  fi
  local free
  free=$(psql_q -At -c "SELECT current_setting('max_connections')::int - count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'")
  if [ "$free" -lt "$READ_CONNS" ]; then
    log "pgbench skipped: the embedded server has $free free connections, pgbench needs $READ_CONNS"
    return 0
  fi
  log "pgbench: initialising scale 10 in database bench"
  psql_q -c 'CREATE DATABASE bench'
  "$PGBENCH" -i -s 10 -q bench >"$RESULTS/pgbench-init.txt" 2>&1 || { cat "$RESULTS/pgbench-init.txt" >&2; die "pgbench -i failed"; }
  run_pgbench pgb_s "$READ_CONNS" bench -S
  run_pgbench pgb_n "$WRITE_CONNS" bench -N
  run_pgbench pgb_l "$READ_CONNS" "$PGDATABASE" -n -D "team=$BIG_TEAM" -D "pattern=%abc%" -f "$ROOT/bench/list-query.sql"
}

# The create's transaction at the create's connection count, in the server's own database and schema. Run after
# the API's creates: its rows (team-0, named pgb-…) would otherwise grow the tables under them.
run_pgbench_create_ceiling() {
  [ -n "${RPS[pgb_n]:-}" ] || return 0   # no pgbench, or it was skipped above
  run_pgbench pgb_c "$WRITE_CONNS" "$PGDATABASE" -n -f "$ROOT/bench/create-transaction.sql"
}

run_pgbench() {  # key clients database pgbench-arguments...
  local key=$1 clients=$2 db=$3 out=$RESULTS/pgbench-$1.txt rc=0 tps failed before cpu_before children
  shift 3
  log "pgbench $*: ${WARMUP}s warm-up, then ${DURATION}s measured, $clients clients"
  children=$(pg_children)
  "$PGBENCH" "$@" -M prepared -c "$clients" -j "$THREADS" -T "$WARMUP" "$db" >"$RESULTS/pgbench-$key-warmup.txt" 2>&1 ||
    { cat "$RESULTS/pgbench-$key-warmup.txt" >&2; die "pgbench $* failed (warm-up)"; }
  rm -rf "$WORK/pgbench-log"
  mkdir "$WORK/pgbench-log"
  await_backends_gone "$children"   # the warm-up's
  before=$(foreign_ticks)
  cpu_before=$(cpu_ticks)
  "$PGBENCH" "$@" -M prepared -c "$clients" -j "$THREADS" -T "$DURATION" -l --sampling-rate=0.1 \
    --log-prefix="$WORK/pgbench-log/tx" "$db" >"$out" 2>&1 || rc=$?
  # Exit 2: some transactions failed (counted below); anything else: it could not run.
  [ "$rc" -eq 0 ] || [ "$rc" -eq 2 ] || { cat "$out" >&2; die "pgbench $* failed (exit $rc)"; }
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time).*/\1/p' "$out")
  [ -n "$tps" ] || { cat "$out" >&2; die "no tps in pgbench's output"; }
  await_backends_gone "$children"
  cpu_per_request "$key" "$cpu_before" "$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out")"
  CPU_JVM[$key]=-   # the JVM idles meanwhile
  RPS[$key]=$(printf '%.1f' "$tps")
  OTHERS[$key]=$(others_pct "$before" "$DURATION")
  CONNS[$key]=$clients
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
  ERRS[$key]=${failed:-0}
  [ "$rc" -eq 0 ] || [ "${ERRS[$key]}" -gt 0 ] || ERRS[$key]="exit $rc"
  # Log lines: client_id transaction_no latency_us script_no epoch epoch_us
  read -r "P50[$key]" "P99[$key]" "P999[$key]" < <(cat "$WORK"/pgbench-log/tx* | awk '{print $3}' | sort -n | awk '
    function at(q,   i) { i = int(NR * q); if (i < 1) i = 1; return v[i] / 1000 }
    { v[NR] = $1 }
    END { if (NR == 0) { print "- - -"; exit }
          printf "%.3f %.3f %.3f\n", at(0.50), at(0.99), at(0.999) }')
}
