# shellcheck shell=bash
# Sourced by bench/run: loads the databases straight into the table (through the API one by one this would
# take minutes; the bench measures reads on a realistic table, not the loading).
#
# The distribution: team-0 ($BIG_TEAM) holds half of the rows, the other teams share the other half. A team key
# sees only its own team, and the list workload needs page 200 of one team's q=abc matches: 200 pages of 50 is
# 10,000 matches, so one team must be large. One name in four contains 'abc' (two words of eight), so with
# 100,000 rows team-0 has 50,000 databases and 12,500 matches, 250 pages; the other teams have ~505 each.

load_databases() {
  # First check that the table is what the INSERT below expects.
  local columns name type optional c problems extra teams_required
  log "checking daap.databases"
  columns=$(psql_q -At -F ' ' -c "
    SELECT column_name, replace(data_type, ' ', '_'),
           is_nullable = 'YES' OR column_default IS NOT NULL OR is_identity = 'YES' OR is_generated <> 'NEVER'
      FROM information_schema.columns
     WHERE table_schema = 'daap' AND table_name = 'databases' ORDER BY ordinal_position")
  [ -n "$columns" ] || die "table daap.databases not found in database postgres on 127.0.0.1:$PG_PORT"
  declare -A col_type=() col_optional=()
  while read -r name type optional; do
    col_type[$name]=$type
    col_optional[$name]=$optional
  done <<<"$columns"
  # What the INSERT writes, and the type it writes (empty: any type that takes a text literal).
  declare -A expected=(
    [id]=uuid [name]="" [name_on_cluster]="" [owner_team]="" [purpose]="" [status]="" [labels]=jsonb
    [created_at]=timestamp_with_time_zone [updated_at]=timestamp_with_time_zone
    [deleted_at]=timestamp_with_time_zone [version]=bigint
  )
  insert_columns=(id name name_on_cluster owner_team purpose status labels created_at updated_at deleted_at version)
  problems=()
  for c in "${insert_columns[@]}"; do
    if [ -z "${col_type[$c]+set}" ]; then problems+=("missing column $c")
    elif [ -n "${expected[$c]}" ] && [ "${col_type[$c]}" != "${expected[$c]}" ] &&
         ! { [ "$c" = version ] && [ "${col_type[$c]}" = integer ]; }; then
      problems+=("column $c is ${col_type[$c]//_/ }, expected ${expected[$c]//_/ }")
    fi
  done
  extra=()
  for c in "${!col_type[@]}"; do
    [ -n "${expected[$c]+set}" ] && continue
    if [ "${col_optional[$c]}" = t ]; then extra+=("$c"); else problems+=("column $c is NOT NULL without a default"); fi
  done
  if [ ${#problems[@]} -gt 0 ]; then
    psql_q -c '\d daap.databases' >&2 || true
    printf 'bench:   %s\n' "${problems[@]}" >&2
    die "daap.databases differs from what the bench loads (${insert_columns[*]}): update the INSERT in bench/load.sh"
  fi
  [ ${#extra[@]} -eq 0 ] || log "left to their defaults: ${extra[*]}"
  # The teams the rows belong to go in first; the INSERT below writes slug and display_name only.
  teams_required=$(psql_q -At -c "
    SELECT string_agg(column_name, ' ' ORDER BY ordinal_position) FROM information_schema.columns
     WHERE table_schema = 'daap' AND table_name = 'teams' AND is_nullable = 'NO' AND column_default IS NULL")
  [ "$teams_required" = "slug display_name" ] ||
    die "daap.teams requires the columns '${teams_required:-(no table)}', the bench writes 'slug display_name': update the teams INSERT in bench/load.sh"

  log "loading $ROWS databases across $TEAMS teams (half of them in $BIG_TEAM)"
  local load_start=$SECONDS
  # Ids are UUID v7 in shape: 48 bits of the row's created_at in ms, version 7, variant 10, random
  # rest; rows are created one second apart, so ids and created_at grow together as in real life.
  psql_q <<SQL || die "loading failed (the error above): does a constraint or trigger of daap.databases or daap.teams reject the bench rows?"
BEGIN;
-- Every owner_team must name a team (databases_owner_team_fkey): the teams first.
INSERT INTO daap.teams (slug, display_name)
SELECT 'team-' || t, 'Bench team ' || t FROM generate_series(0, $TEAMS - 1) AS t
ON CONFLICT (slug) DO NOTHING;
INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, labels,
                            created_at, updated_at, deleted_at, version)
SELECT (lpad(to_hex(floor(extract(epoch FROM ts) * 1000)::bigint), 12, '0')
        || '7' || substr(h, 1, 3) || substr('89ab', 1 + i % 4, 1) || substr(h, 4, 15))::uuid,
       name, name,
       CASE WHEN i % 2 = 0 THEN '$BIG_TEAM' ELSE 'team-' || (1 + (i / 2) % ($TEAMS - 1)) END,
       -- A word of eight for search= (none holds 'abc', so q=abc still matches names only), and labels for label=
       'bench row ' || i || ' for '
         || (ARRAY['ledger', 'invoices', 'shipping', 'reports', 'refunds', 'inventory', 'analytics', 'archive'])[1 + (i / 3) % 8],
       'pending',
       jsonb_build_object('env', (ARRAY['prod', 'staging', 'dev', 'test'])[1 + (i / 2) % 4],
                          'tier', CASE WHEN i % 5 = 0 THEN 'gold' ELSE 'standard' END),
       ts, ts, NULL::timestamptz, 1
  FROM (SELECT i, now() - make_interval(secs => $ROWS - i) AS ts, md5(i::text || random()::text) AS h,
               (ARRAY['orders', 'abc-api', 'billing', 'search', 'payments', 'abc-web', 'users', 'catalog'])[1 + (i / 2) % 8]
                 || '-' || i AS name
          FROM generate_series(1, $ROWS) AS i) AS s;
COMMIT;
VACUUM (ANALYZE) daap.databases;
SQL
  log "loaded in $((SECONDS - load_start))s"
}
