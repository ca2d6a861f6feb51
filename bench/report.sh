# shellcheck shell=bash
# Sourced by bench/run: prints the one table, then the targets of issue 6, each met or missed.

ratio() {  # a b [decimals]: a/b with two decimals (or as many as asked), or - when either is missing
  if [ -n "${1:-}" ] && [ -n "${2:-}" ]; then
    awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { if (b > 0) printf "%.*f", d, a / b; else print "-" }'
  else echo -; fi
}

# key label http-ceiling-key db-ceiling-key: one line of the table; a ceiling key of "-" prints "-".
row() {
  local key=$1 http=${RPS[$3]:-} db=${RPS[$4]:-}
  [ -n "${RPS[$key]:-}" ] || return 0
  [ "$3" != - ] || http=""
  [ "$4" != - ] || db=""
  printf '%-38s %5s %9s %8s %8s %8s %7s %7s %7s %7s %7s %7s %7s %7s\n' "$2" "${CONNS[$key]:--}" "${RPS[$key]}" \
    "${P50[$key]:--}" "${P99[$key]:--}" "${P999[$key]:--}" "${ERRS[$key]:--}" "${RSS[$key]:--}" \
    "$(ratio "${RPS[$key]}" "$http")" "$(ratio "${RPS[$key]}" "$db")" "${OTHERS[$key]:--}" \
    "${CPU_JVM[$key]:--}" "${CPU_PG[$key]:--}" "${CPU_ALL[$key]:--}"
}

# label verdict-expression(awk, over the variables given) measured-text var=value...: one target line
target() {
  local label=$1 expr=$2 measured=$3 verdict
  shift 3
  local args=() kv
  for kv in "$@"; do
    [ -n "${kv#*=}" ] || { printf '  %-62s %-7s %s\n' "$label" "n/a" "(not measured)"; return 0; }
    args+=(-v "$kv")
  done
  verdict=$(awk "${args[@]}" "BEGIN { print (($expr) ? \"met\" : \"MISSED\") }")
  printf '  %-62s %-7s %s\n' "$label" "$verdict" "$measured"
}

print_report() {
  echo "DAAP bench $STAMP: commit $(git rev-parse --short HEAD 2>/dev/null || echo none)$(git diff --quiet HEAD 2>/dev/null || echo '+changes')," \
       "$(nproc) cores, ${DURATION}s per run after a ${WARMUP}s warm-up, wrk -t$THREADS," \
       "$ROWS databases in $TEAMS teams (half in $BIG_TEAM, whose member key every request uses)"
  echo "JIT warm-up: $JIT_NOTE"
  echo "load average before the run: $LOAD_AT_START (others%: the CPU other processes took during a measured run, in % of the machine)"
  printf '%-38s %5s %9s %8s %8s %8s %7s %7s %7s %7s %7s %7s %7s %7s\n' workload conns "req/s" "p50 ms" "p99 ms" \
    "p99.9 ms" errors "RSS MB" "vs HTTP" "vs DB" "others%" "JVM us" "PG us" "all us"
  row live "GET /health/live (HTTP ceiling)" live -
  row live16 "GET /health/live (HTTP ceiling)" live16 -
  row pgb_s "pgbench -S -M prepared (DB ceiling)" - pgb_s
  row pgb_n "pgbench -N -M prepared (DB ceiling)" - pgb_n
  row pgb_l "pgbench, list page-1 SQL (DB ceiling)" - pgb_l
  row pgb_c "pgbench, the create's SQL (DB ceiling)" - pgb_c
  row get "GET /v1/databases/{id}" live pgb_s
  row get_sse "  the same, $SSE_COUNT idle SSE subscribers" live pgb_s
  row list1 "GET /v1/databases?owner_team&q, page 1" live pgb_l
  row list200 "  the same, page 200 (by token)" live pgb_l
  row search1 "GET /v1/databases?…&search, p. 1" live pgb_l
  row label1 "GET /v1/databases?…&label, p. 1" live pgb_l
  row replay "POST /v1/databases, idempotent replay" live pgb_s
  row create "POST /v1/databases (create)" live16 pgb_n
  [ -z "${RPS[pgb_c]:-}" ] || [ -z "${RPS[create]:-}" ] || printf '%-38s %s\n' "  the same, vs its own SQL" \
    "$(ratio "${RPS[create]}" "${RPS[pgb_c]}") of what the database alone does of the create's transaction (pgbench, the create's SQL)"
  printf '%-38s %s\n' "embedded default, ready after start" \
    "second start on the same data dir $(awk -v ms="$SECOND_READY_MS" 'BEGIN { printf "%.2f", ms / 1000 }') s (first start, with initdb: $(awk -v ms="$FIRST_READY_MS" 'BEGIN { printf "%.2f", ms / 1000 }') s)"
  [ -z "$SSE_NOTE" ] || printf '%-38s %s\n' "SSE" "$SSE_NOTE"
  echo "vs HTTP: req/s over GET /health/live at the same connections; vs DB: over pgbench -S (GET, replay), the list's"
  echo "page-1 SQL (the list) or -N (the create). JVM us, PG us, all us: CPU time per request (or pgbench transaction)"
  echo "of the JVM, of the embedded PostgreSQL (all its processes) and of the whole machine (the client included)."
  echo "targets (issue 6):"
  local max_rss=0 k
  for k in "${!RSS[@]}"; do [[ ${RSS[$k]} =~ ^[0-9]+$ ]] && [ "${RSS[$k]}" -gt "$max_rss" ] && max_rss=${RSS[$k]}; done
  target "GET by id >= 10000 req/s" "r >= 10000" "${RPS[get]:-} req/s" r="${RPS[get]:-}"
  target "GET by id >= 0.30 x the trivial route" "r / l >= 0.30" "$(ratio "${RPS[get]:-}" "${RPS[live]:-}" 3)" \
    r="${RPS[get]:-}" l="${RPS[live]:-}"
  target "GET by id p99 <= 10 ms" "p <= 10" "${P99[get]:-} ms" p="${P99[get]:-}"
  target "list page 1 >= 2000 req/s" "r >= 2000" \
    "${RPS[list1]:-} req/s${RPS[pgb_l]:+ (the database alone: ${RPS[pgb_l]} of its queries a second)}" r="${RPS[list1]:-}"
  target "list page 200 >= 2000 req/s" "r >= 2000" "${RPS[list200]:-} req/s" r="${RPS[list200]:-}"
  target "list page 200 p50 within 20 % of page 1's" "a <= 1.2 * b" \
    "$(ratio "${P50[list200]:-}" "${P50[list1]:-}") x (p99: $(ratio "${P99[list200]:-}" "${P99[list1]:-}") x)" \
    a="${P50[list200]:-}" b="${P50[list1]:-}"
  target "search page 1 p50 within 1.5 x the q= list's" "a <= 1.5 * b" \
    "$(ratio "${P50[search1]:-}" "${P50[list1]:-}") x (req/s: ${RPS[search1]:-} vs ${RPS[list1]:-})" \
    a="${P50[search1]:-}" b="${P50[list1]:-}"
  target "label selector page 1 p50 within 1.5 x the q= list's" "a <= 1.5 * b" \
    "$(ratio "${P50[label1]:-}" "${P50[list1]:-}") x (req/s: ${RPS[label1]:-} vs ${RPS[list1]:-})" \
    a="${P50[label1]:-}" b="${P50[list1]:-}"
  printf '  %-62s %s\n' "export of every database as CSV" \
    "${EXPORT_ROWS:-?} rows in ${EXPORT_SECONDS:-?} s, peak RSS ${EXPORT_RSS:-?} MB"
  target "create >= 1500 req/s" "r >= 1500" \
    "${RPS[create]:-} req/s${RPS[pgb_c]:+ (the database alone: ${RPS[pgb_c]} of its transactions a second)}" \
    r="${RPS[create]:-}"
  target "create >= 0.25 x pgbench -N" "r / n >= 0.25" "$(ratio "${RPS[create]:-}" "${RPS[pgb_n]:-}" 3)" \
    r="${RPS[create]:-}" n="${RPS[pgb_n]:-}"
  target "create p99 <= 25 ms" "p <= 25" "${P99[create]:-} ms" p="${P99[create]:-}"
  target "idempotent replay >= 5000 req/s" "r >= 5000" "${RPS[replay]:-} req/s" r="${RPS[replay]:-}"
  target "GET by id with $SSE_COUNT idle SSE subscribers loses <= 10 %" "s / r >= 0.90" \
    "$(ratio "${RPS[get_sse]:-}" "${RPS[get]:-}" 3) of the GET's req/s" s="${RPS[get_sse]:-}" r="${RPS[get]:-}"
  target "peak RSS <= 512 MB under every workload" "m <= 512" "max ${max_rss} MB" m="$max_rss"
  target "ready <= 6 s on the second start" "ms <= 6000" "${SECOND_READY_MS} ms" ms="$SECOND_READY_MS"
  local noisy=0
  for k in "${!OTHERS[@]}"; do [[ ${OTHERS[$k]} =~ ^[0-9]+$ ]] && [ "${OTHERS[$k]}" -gt "$noisy" ] && noisy=${OTHERS[$k]}; done
  [ "$noisy" -lt 5 ] || echo "NOTE: other processes took up to $noisy % of the machine during a measured run: those rows are noisy; rerun"
}
